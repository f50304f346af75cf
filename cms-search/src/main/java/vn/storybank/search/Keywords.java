package vn.storybank.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Queries on the untokenized keyword fields (id, type, locale, facets). */
final class Keywords {
  private Keywords() {}

  /** Documents with exactly this value; every match scores the same. */
  static Query exact(String field, String value) {
    return new ConstantScoreQuery(new TermQuery(new Term(field, value)));
  }
}
