package org.opregister.imports;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opregister.core.NotAudited;

/**
 * A saved column mapping: which column each heading of a bank's files stands for, when the headings are neither the
 * export's codes nor their English or French names. Chosen again on the next upload.
 */
@Entity
@NotAudited
@Table(name = "import_mapping")
public class ImportMapping extends PanacheEntityBase {

    public static final int NAME_MAX = 100;
    public static final int TEXT_MAX = 4000;
    /** The target of a column left out. */
    public static final String LEAVE_OUT = "-";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_mapping_seq")
    @SequenceGenerator(name = "import_mapping_seq", sequenceName = "import_mapping_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = NAME_MAX)
    public String name;

    @Column(nullable = false, length = TEXT_MAX)
    public String mapping;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<ImportMapping> all() {
        return list("order by name");
    }

    /** The text of a mapping: one "heading TAB code" per line. */
    static String text(Map<String, String> mapping) {
        StringBuilder text = new StringBuilder();
        mapping.forEach((heading, code) -> text.append(heading).append('\t').append(code).append('\n'));
        return text.toString();
    }

    /** The mapping of a text written by {@link #text}; empty for null. */
    static Map<String, String> parse(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    mapping.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return mapping;
    }

    /** The mapping's lines, for the page. */
    public Map<String, String> pairs() {
        return parse(mapping);
    }
}
