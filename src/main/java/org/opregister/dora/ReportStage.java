package org.opregister.dora;

/** The stages of reporting a major ICT-related incident (Regulation 2022/2554 Art. 19(4); 2025/301 Art. 5). */
public enum ReportStage {

    INITIAL, INTERMEDIATE, FINAL;

    /** The lower-case name used in URLs ({@code /reports/initial.json}). */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The stage a URL names, or null. */
    public static ReportStage ofSlug(String slug) {
        for (ReportStage stage : values()) {
            if (stage.slug().equals(slug)) {
                return stage;
            }
        }
        return null;
    }
}
