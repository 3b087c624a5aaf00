package org.opregister.incident;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import org.opregister.core.NotAudited;

/**
 * One word of an incident's search text ({@link SearchWords}), one row per distinct word: H2's full-text index, read by
 * the register's search with {@code word like 'w%'}, along the primary key (word, incident) for a rare word, along
 * the index (incident, word) per incident otherwise. Written by {@link SearchIndex} only, in the incident's own
 * transaction; on PostgreSQL the table stays empty (a GIN index on the incident's search text does its work).
 */
@Entity
@Immutable
@NotAudited
@Table(name = "incident_search_word")
class IncidentSearchWord {

    @EmbeddedId
    Key key;

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "word", nullable = false, length = SearchWords.WORD_MAX)
        String word;

        @Column(name = "incident_id", nullable = false)
        Long incidentId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(word, key.word)
                    && Objects.equals(incidentId, key.incidentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, incidentId);
        }
    }
}
