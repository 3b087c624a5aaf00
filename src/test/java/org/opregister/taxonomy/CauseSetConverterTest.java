package org.opregister.taxonomy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CauseSetConverterTest {

    private final CauseSetConverter converter = new CauseSetConverter();

    /** Every one of the sixteen sets: stored sorted by declaration, read back whole, named alphabetically. */
    @Test
    void everySetOfCausesIsStoredReadBackAndNamed() {
        Cause[] all = Cause.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            Set<Cause> causes = EnumSet.noneOf(Cause.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    causes.add(all[i]);
                }
            }
            String column = converter.convertToDatabaseColumn(causes);
            assertEquals(causes.isEmpty() ? null : causes.stream().map(Enum::name).collect(Collectors.joining(",")),
                    column);
            assertEquals(causes, converter.convertToEntityAttribute(column));
            assertEquals(causes.stream().map(Enum::name).sorted().collect(Collectors.joining(";")),
                    Cause.names(causes, ';'));
        }
        assertEquals(EnumSet.of(Cause.PROCESS, Cause.SYSTEMS),
                converter.convertToEntityAttribute(" SYSTEMS , PROCESS"));
        assertEquals(EnumSet.noneOf(Cause.class), converter.convertToEntityAttribute("  "));
        assertEquals(EnumSet.of(Cause.PEOPLE), converter.convertToEntityAttribute("PEOPLE,"));
        assertEquals(EnumSet.of(Cause.PEOPLE, Cause.SYSTEMS),
                converter.convertToEntityAttribute(",PEOPLE,, SYSTEMS ,"));
        assertThrows(IllegalArgumentException.class, () -> converter.convertToEntityAttribute("PEOPLE,FOO"));
        assertNull(converter.convertToDatabaseColumn(Set.of()));
    }
}
