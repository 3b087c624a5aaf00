package org.opregister.kri;

import jakarta.ws.rs.QueryParam;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.web.LikePattern;
import org.opregister.web.QueryString;
import org.opregister.web.Where;

/** The KRI list's filter (page and API): text in reference, name or owner, and active or retired. */
public record KriFilter(String q, KriActivity status) {

    /** The list's query parameters as typed (kept to show back and to build pager links). */
    public static class Params {

        @QueryParam("q")
        public String q;
        @QueryParam("status")
        public String status;
        @QueryParam("page")
        public String page;
        @QueryParam("size")
        public String size;

        public KriFilter parse(FieldErrors errors) {
            FormInput input = new FormInput(errors);
            return new KriFilter(input.text("q", q, false, 200),
                    input.choice("status", status, KriActivity.class, false));
        }

        /** What the pager appends page and size to. */
        public String pagerBase() {
            String query = new QueryString().add("q", q).add("status", status).toString();
            return "/kris?" + (query.isEmpty() ? "" : query + "&");
        }
    }

    Where where() {
        String like = " like :q" + LikePattern.ESCAPE;
        return new Where()
                .and("(lower(reference)" + like + " or lower(name)" + like + " or lower(owner)" + like + ")", "q",
                        q == null ? null : LikePattern.contains(q))
                .and("status = :status", "status", status);
    }
}
