package org.opregister.taxonomy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a set of causes in one column as sorted codes, "PROCESS,SYSTEMS", so lists and exports need no join. */
@Converter
public class CauseSetConverter implements AttributeConverter<Set<Cause>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Cause> causes) {
        if (causes == null || causes.isEmpty()) {
            return null;
        }
        return causes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Reads the codes back; an empty code (a stray comma) is skipped, an unknown one is refused. */
    @Override
    public Set<Cause> convertToEntityAttribute(String column) {
        EnumSet<Cause> causes = EnumSet.noneOf(Cause.class);
        if (column == null || column.isBlank()) {
            return causes;
        }
        for (int from = 0; from <= column.length();) {
            int comma = column.indexOf(',', from);
            int to = comma < 0 ? column.length() : comma;
            String code = column.substring(from, to).trim();
            if (!code.isEmpty()) {
                causes.add(Cause.valueOf(code));
            }
            from = to + 1;
        }
        return causes;
    }
}
