package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.junit.jupiter.api.Test;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;

class AnalysisTest {
  private final Analysis analysis = new Analysis();

  private List<String> analysed(Variant variant, String text) {
    return Analysis.tokens(
            analysis.of(Family.VI, variant), Fields.text(Part.BODY, Family.VI, variant), text)
        .stream()
        .map(Analysis.Token::term)
        .toList();
  }

  @Test
  void foldingRemovesDiacriticsAndKeepsTheExactFieldExact() {
    assertEquals(
        List.of("đặc", "sản", "mèo", "vạc", "đường"),
        analysed(Variant.EXACT, "Đặc sản Mèo Vạc ĐƯỜNG"));
    assertEquals(
        List.of("dac", "san", "meo", "vac", "duong"),
        analysed(Variant.FOLDED, "Đặc sản Mèo Vạc ĐƯỜNG"));
    assertEquals(List.of("ruong bac", "bac thang"), analysed(Variant.SHINGLES, "Ruộng bậc thang"));
    String decomposed = Normalizer.normalize("Lào Cai", Normalizer.Form.NFD);
    assertEquals(
        List.of("lào", "cai"),
        analysed(Variant.EXACT, decomposed),
        "text typed on a Mac is found as typed elsewhere");
  }

  @Test
  void onePassFieldsCarryExactlyTheAnalysersTerms() throws IOException {
    for (String text :
        List.of(
            "Chợ phiên Bắc Hà, họp sáng Chủ nhật (từ 6h-12h)!",
            Normalizer.normalize("Người Mông ở Sa Pa – đồng bào dân tộc", Normalizer.Form.NFD),
            "Ntxhw Lis Tsab cov teb ntaiv zoo nkauj heev",
            "ꪼꪕꪒꪾ ꪁꪾꪚ ꪹꪀꪷ",
            "ＦＵＬＬ width ｶﾀｶﾅ 2025 3.5km e-mail@example.com",
            "",
            "đ")) {
      List<Field> body = SyllableFields.of(Part.BODY, Family.VI, text);
      assertEquals(1, body.size(), "bodies keep neither an exact field nor pairs");
      assertEquals(analysed(Variant.FOLDED, text), terms(body.get(0).tokenStreamValue()));
      List<Field> fields = SyllableFields.of(Part.SUMMARY, Family.VI, text);
      for (int i = 0; i < 3; i++) {
        Variant variant = Variant.values()[i];
        assertEquals(
            analysed(variant, text),
            terms(fields.get(i).tokenStreamValue()),
            variant + " of " + text);
      }
    }
  }

  private static List<String> terms(TokenStream stream) throws IOException {
    List<String> terms = new ArrayList<>();
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    stream.reset();
    while (stream.incrementToken()) {
      terms.add(term.toString());
    }
    stream.end();
    stream.close();
    return terms;
  }

  @Test
  void localesMapToTheirFamilies() {
    assertEquals(Family.VI, Family.of("vi"));
    assertEquals(Family.ZH, Family.of("zh-Hans"));
    assertEquals(Family.EN, Family.of("EN-gb"));
    assertEquals(Family.OTHER, Family.of("hnj"));
    assertEquals(Family.OTHER, Family.of("blt-Tavt"));
  }
}
