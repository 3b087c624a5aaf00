package org.opregister.taxonomy;

import java.util.Arrays;
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

    @Override
    public Set<Cause> convertToEntityAttribute(String column) {
        EnumSet<Cause> causes = EnumSet.noneOf(Cause.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(String::trim).map(Cause::valueOf).forEach(causes::add);
        }
        return causes;
    }
}
