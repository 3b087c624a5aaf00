package org.opregister.reference;

import java.util.Currency;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The ISO 4217 currencies money can be booked in: the codes the JDK knows ({@link Currency#getAvailableCurrencies()},
 * JDK 17), minus the codes that are no currency (test, "no currency", precious metals, SDR, bond-market units),
 * minus the fund codes (ISO 4217 list 1 "funds": a unit of account, not money), minus the withdrawn codes the JDK
 * still lists for old data (ISO 4217 list 3). The lists below are the whole rule; a code the JDK does not know is
 * never active.
 */
public final class Currencies {

    /** Message key for a code that is not an active ISO 4217 currency. */
    public static final String UNKNOWN_KEY = "error.currencyNotActive";

    /** No currency: test, "no currency", gold, silver, platinum, palladium, SDR, bond-market units, ADB, SUCRE. */
    static final Set<String> NOT_MONEY = Set.of("XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC",
            "XBD", "XSU", "XUA", "XFO", "XFU");

    /** Fund codes (units of account beside a currency). */
    static final Set<String> FUNDS = Set.of("BOV", "CLF", "COU", "MXV", "USN", "USS", "UYI", "UYW", "CHE", "CHW");

    /**
     * Withdrawn codes the JDK 17 still lists, with what replaced them: the euro changeover (ATS, BEF, CYP, DEM, EEK,
     * ESP, FIM, FRF, GRD, HRK 2023, IEP, ITL, LTL, LUF, LVL, MTL, NLG, PTE, SIT, SKK, ADP), redenominations (AFA,
     * AYM, AZM, BGL, BYB, BYR 2016, CSD, GHC, GWP, MGF, MRO 2018, MZM, ROL, RUR, SDD, SRG, STD 2018, TMM, TPE, TRL,
     * VEB, VEF 2018, YUM, ZMK, ZWD, ZWN, ZWR, ZWL 2024 for ZWG, SLL 2022 for SLE, ANG 2025 for XCG) and CUC (2021).
     */
    static final Set<String> WITHDRAWN = Set.of("ADP", "AFA", "ANG", "ATS", "AYM", "AZM", "BEF", "BGL", "BYB", "BYR",
            "CSD", "CUC", "CYP", "DEM", "EEK", "ESP", "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL", "LTL",
            "LUF", "LVL", "MGF", "MRO", "MTL", "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK", "SLL", "SRG",
            "STD", "TMM", "TPE", "TRL", "VEB", "VEF", "YUM", "ZMK", "ZWD", "ZWL", "ZWN", "ZWR");

    private static final SortedSet<String> ACTIVE = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .filter(code -> !NOT_MONEY.contains(code) && !FUNDS.contains(code) && !WITHDRAWN.contains(code))
            .collect(Collectors.toCollection(TreeSet::new));

    private Currencies() {
    }

    /** Whether {@code code} (exactly three upper-case letters) is an active ISO 4217 currency. */
    public static boolean isActive(String code) {
        return code != null && code.matches("[A-Z]{3}") && ACTIVE.contains(code);
    }

    /** Every active code, in alphabetical order (for choices). */
    public static SortedSet<String> active() {
        return java.util.Collections.unmodifiableSortedSet(ACTIVE);
    }
}
