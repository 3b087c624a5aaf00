package org.opregister.core;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO 4217 currency. Never a double. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO.setScale(2), currency);
    }

    public Money plus(BigDecimal other) {
        return new Money(amount.add(other), currency);
    }
}
