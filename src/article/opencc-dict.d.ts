/** opencc-js's dictionaries, one module each (`opencc-js/dict/NAME`): "key value|key value|…" (the package ships no types for them). */
declare module "opencc-js/dict/*" {
  const dict: string;
  export default dict;
}
