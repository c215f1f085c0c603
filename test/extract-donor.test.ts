/**
 * Donor vs recipient, and variants of an indicator: in east–west cooperation and paired
 * assistance the fact belongs to the receiving place and the giving one is its donor
 * (kg:donorPlace); deeply poor counties and east–west funds are reported under the broader
 * indicator with kg:subIndicator. Sentences written for these tests, in both scripts.
 */
import { Store, Writer } from "n3";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { iris } from "../src/rdf/iri.js";
import { articleQuads } from "../src/rdf/map.js";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

function facts(body: string, title: string) {
  const r = extract(articleFromText(`${title}\n${body}`, "t.txt", { published: "2020-06-30" }));
  return r.observations.map((o) => ({
    exact: o.span.exact,
    indicator: o.indicator,
    place: o.place?.code,
    donor: o.donor?.code,
    sub: o.subIndicator,
  }));
}

const cases: [string, string, string, ReturnType<typeof facts>][] = [
  [
    "the giver before a donor verb, the receiver after it",
    "宁夏东西部扶贫协作成效",
    "2019年，福建省投入财政援助资金4.2亿元，帮助宁夏建设产业基地。",
    [
      {
        exact: "4.2亿元",
        indicator: "funds-invested",
        place: "640000",
        donor: "350000",
        sub: "east-west-cooperation-funds",
      },
    ],
  ],
  [
    "对口帮扶: the receiving county",
    "青河县脱贫攻坚成效",
    "天津市对口帮扶青河县，累计投入帮扶资金3.1亿元。",
    [
      {
        exact: "3.1亿元",
        indicator: "funds-invested",
        place: "654325",
        donor: "120000",
        sub: "east-west-cooperation-funds",
      },
    ],
  ],
  [
    "the helper named alone in an article about the receiving place",
    "宁夏脱贫攻坚成效显著",
    "宁夏全区减贫8.6万人。在闽宁协作中，福建省累计投入帮扶资金15亿元。",
    [
      { exact: "8.6万人", indicator: "poverty-exit-persons", place: "640000", donor: undefined, sub: undefined },
      {
        exact: "15亿元",
        indicator: "funds-invested",
        place: "640000",
        donor: "350000",
        sub: "east-west-cooperation-funds",
      },
    ],
  ],
  [
    "A与B结对帮扶: the eastern place gives",
    "昭觉县脱贫攻坚成效",
    "佛山市顺德区与昭觉县结对帮扶，三年来累计投入帮扶资金2.6亿元。",
    [
      {
        exact: "2.6亿元",
        indicator: "funds-invested",
        place: "513431",
        donor: "440606",
        sub: "east-west-cooperation-funds",
      },
    ],
  ],
  [
    "在X的帮扶下: X gives",
    "邵阳市脱贫攻坚成效",
    "2020年，在上海市的对口帮扶下，邵阳市获得帮扶资金1.6亿元。",
    [
      {
        exact: "1.6亿元",
        indicator: "funds-invested",
        place: "430500",
        donor: "310000",
        sub: "east-west-cooperation-funds",
      },
    ],
  ],
  [
    "a place's own investment has no donor",
    "福建省脱贫攻坚成效",
    "福建省投入财政专项扶贫资金12亿元。",
    [{ exact: "12亿元", indicator: "funds-invested", place: "350000", donor: undefined, sub: undefined }],
  ],
  [
    "deeply poor counties are poor counties with a sub-indicator",
    "某省脱贫攻坚成效",
    "全省还有深度贫困县11个。",
    [{ exact: "11个", indicator: "poor-counties", place: undefined, donor: undefined, sub: "deeply-poor-counties" }],
  ],
];

describe("donors, recipients and indicator variants", () => {
  for (const [name, title, body, expected] of cases) {
    it(`${name} (Simplified)`, () => expect(facts(body, title)).toEqual(expected));
    it(`${name} (Traditional)`, () =>
      expect(facts(toTraditional(body), toTraditional(title)).map(({ exact: _, ...rest }) => rest)).toEqual(
        expected.map(({ exact: _, ...rest }) => rest),
      ));
  }

  it("maps to kg:donorPlace and kg:subIndicator (Turtle parsed back)", async () => {
    const x = extract(
      articleFromText("宁夏东西部扶贫协作成效\n福建省投入财政援助资金4.2亿元，帮助宁夏建设产业基地。", "t.txt", {
        published: "2020-06-30",
      }),
    );
    const I = iris();
    const text = await new Promise<string>((res, rej) => {
      const w = new Writer({ format: "N-Quads" });
      w.addQuads(articleQuads(x, I));
      w.end((e, out) => (e ? rej(e) : res(out)));
    });
    const store = new Store(new (await import("n3")).Parser({ format: "N-Quads" }).parse(text));
    const obs = I.observation(x.article.id, 1);
    expect(store.getObjects(obs, `${I.kg.donorPlace}`, null).map((t) => t.value)).toEqual([I.place("350000")]);
    expect(
      store.getObjects(obs, "http://purl.org/linked-data/sdmx/2009/dimension#refArea", null).map((t) => t.value),
    ).toEqual([I.place("640000")]);
    expect(store.getObjects(obs, `${I.kg.subIndicator}`, null).map((t) => t.value)).toEqual([
      I.indicator("east-west-cooperation-funds"),
    ]);
  });
});
