package org.scriptorium.search.infrastructure;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * Matches the documents of one field holding a term within one edit of a query word, like Lucene's
 * {@code FuzzyQuery} with one edit and a one-letter prefix, but over an automaton built beforehand
 * ({@link OneEdit}) instead of one compiled per query instance. As with {@code FuzzyQuery}, the 50 terms of
 * the field that match best are kept and scored together, and a term one edit away weighs less than the word
 * itself ({@code 1 - 1 / length}).
 */
final class OneEditQuery extends MultiTermQuery {

    private static final int MAX_TERMS = 50;

    private final OneEdit edit;

    OneEditQuery(String field, OneEdit edit) {
        super(field, new TopTermsBlendedFreqScoringRewrite(MAX_TERMS));
        this.edit = edit;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        TermsEnum matching = edit.compiled().getTermsEnum(terms);
        float oneEditBoost = 1f - 1f / Math.max(2, edit.length());
        return new FilteredTermsEnum(matching, false) {
            private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);

            @Override
            protected AcceptStatus accept(BytesRef term) {
                boost.setBoost(term.bytesEquals(edit.bytes()) ? 1f : oneEditBoost);
                return AcceptStatus.YES;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            edit.compiled().visit(visitor, this, field);
        }
    }

    @Override
    public String toString(String defaultField) {
        return (field.equals(defaultField) ? "" : field + ":") + edit;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && edit.equals(((OneEditQuery) other).edit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), edit);
    }
}
