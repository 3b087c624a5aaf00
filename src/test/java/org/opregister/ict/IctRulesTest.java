package org.opregister.ict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.opregister.reference.Lei;
import org.opregister.web.XlsxColumn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register's pure rules: LEI and country checks, name keys, and the concentration KRI with its figures. */
class IctRulesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    @Test
    void leiFormatAndCheckDigits() {
        assertTrue(Lei.isValid("5493001KJTIIGC8Y1R12"));
        assertFalse(Lei.isValid("5493001KJTIIGC8Y1R13"), "wrong check digits");
        assertFalse(Lei.isValid("5493001KJTIIGC8Y1R1"), "19 characters");
        assertFalse(Lei.isValid("5493001kjtiigc8y1r12"), "lower case is normalised by the form, not here");
        assertFalse(Lei.isValid("5493001KJTIIGC8Y1RAB"), "check digits are digits");
    }

    @Test
    void countriesAreIsoAlpha2() {
        assertTrue(Countries.isValid("DE"));
        assertTrue(Countries.isValid("US"));
        assertFalse(Countries.isValid("XX"));
        assertFalse(Countries.isValid("DEU"), "alpha-3");
        assertFalse(Countries.isValid("de"), "the form upper-cases first");
        assertFalse(Countries.isValid(null));
    }

    @Test
    void namesCompareTrimmedAndInAnyCase() {
        assertEquals("acme", IctProvider.keyOf("Acme"));
        assertEquals("acme", IctProvider.keyOf(" acme  "));
        assertEquals("acme corp", IctProvider.keyOf("ACME   Corp"));
    }

    @Test
    void theWorkedExampleIsThreeOfThreeCriticalFunctions() {
        BusinessService online = service(1, "ONLINE", true);
        BusinessService payments = service(2, "SEPA-PAY", true);
        BusinessService custody = service(3, "CUSTODY", true);
        IctContract edr = contract(provider(10), LocalDate.of(2022, 4, 1), null, online, payments, custody);
        IctKri.Figure figure = IctKri.measure(List.of(edr), List.of(custody, online, payments), DAY);
        assertEquals(3, figure.concentrated());
        assertEquals(3, figure.counted());
        assertEquals(new BigDecimal("100.00"), figure.share());
        assertEquals(List.of("CUSTODY", "ONLINE", "SEPA-PAY"), figure.functions().stream().map(s -> s.code).toList());
    }

    @Test
    void aSecondProviderOrATestedExitPlanIsAnAlternative() {
        BusinessService a = service(1, "A", true);
        BusinessService b = service(2, "B", true);
        BusinessService c = service(3, "C", true);
        IctProvider one = provider(10);
        IctProvider two = provider(11);
        IctContract onlyA = contract(one, LocalDate.of(2024, 1, 1), null, a, b, c);
        IctContract secondForB = contract(two, LocalDate.of(2024, 1, 1), null, b);
        IctContract testedForC = contract(one, LocalDate.of(2024, 1, 1), null, c);
        testedForC.exitPlanTestedOn = DAY;
        IctKri.Figure figure = IctKri.measure(List.of(onlyA, secondForB, testedForC), List.of(a, b, c), DAY);
        assertEquals(1, figure.concentrated(), "B has two providers, C a tested exit plan");
        assertEquals(List.of("A"), figure.functions().stream().map(s -> s.code).toList());
        assertEquals(new BigDecimal("33.33"), figure.share(), "1 of 3, half up");
        testedForC.exitPlanTestedOn = DAY.plusDays(1);
        assertEquals(2, IctKri.measure(List.of(onlyA, secondForB, testedForC), List.of(a, b, c), DAY)
                .concentrated(), "a test after the day does not count on the day");
    }

    @Test
    void onlyContractsInForceOnTheDayCount() {
        BusinessService a = service(1, "A", true);
        BusinessService b = service(2, "B", true);
        IctProvider one = provider(10);
        IctProvider two = provider(11);
        IctContract current = contract(one, LocalDate.of(2024, 1, 1), DAY, a, b);
        IctContract ended = contract(two, LocalDate.of(2023, 1, 1), DAY.minusDays(1), a);
        IctContract future = contract(two, DAY.plusDays(1), null, b);
        IctKri.Figure figure = IctKri.measure(List.of(current, ended, future), List.of(a, b), DAY);
        assertEquals(2, figure.concentrated(), "ending on the day is still in force; the others are not");
        assertEquals(new BigDecimal("100.00"), figure.share());
        IctKri.Figure next = IctKri.measure(List.of(current, ended, future), List.of(a, b), DAY.plusDays(1));
        assertEquals(1, next.concentrated(), "next day: A has no contract in force, B has one provider");
        assertEquals(new BigDecimal("50.00"), next.share());
    }

    @Test
    void noCriticalFunctionGivesZero() {
        IctKri.Figure figure = IctKri.measure(List.of(), List.of(), DAY);
        assertEquals(0, figure.counted());
        assertEquals(new BigDecimal("0.00"), figure.share());
    }

    @Test
    void aProviderTotalNeedsOneCurrency() {
        IctProvider one = provider(10);
        IctContract eur = contract(one, DAY, null);
        eur.annualCost = new BigDecimal("100.00");
        eur.currency = "EUR";
        IctContract eur2 = contract(one, DAY, null);
        eur2.annualCost = new BigDecimal("50.50");
        eur2.currency = "EUR";
        IctRegisterDownloads.ProviderRow row = IctRegisterDownloads.providerRow(one, List.of(eur, eur2));
        assertEquals("EUR", row.currency());
        assertEquals(new BigDecimal("150.50"), row.annualCost());
        eur2.currency = "USD";
        row = IctRegisterDownloads.providerRow(one, List.of(eur, eur2));
        assertEquals(null, row.annualCost(), "mixed currencies: no total");
    }

    private static BusinessService service(long id, String code, boolean critical) {
        BusinessService service = new BusinessService();
        service.id = id;
        service.code = code;
        service.criticalOrImportant = critical;
        return service;
    }

    @Test
    void b0701IsOneRowPerArrangementWithTheTemplatesColumnCodes() {
        // ITS 2024/2956, Annex I, B_07.01: c0010 reference, c0020 provider code, c0030 type of code, c0040 type of
        // ICT services, c0050 substitutability, c0080 exit plan (c0060, c0070, c0090-c0120 are not held); no
        // function identifier
        List<XlsxColumn<IctContract>> columns = IctRegisterDownloads.assessmentColumns(java.util.Locale.ENGLISH);
        assertEquals(List.of("c0010", "c0020", "c0030", "c0040", "c0050", "c0080"),
                columns.stream().map(XlsxColumn::name).toList());
        assertEquals(List.of("ict.b0701.c0010", "ict.b0701.c0020", "ict.b0701.c0030", "ict.b0701.c0040",
                "ict.b0701.c0050", "ict.b0701.c0080"), columns.stream().map(XlsxColumn::labelKey).toList());
        IctContract contract = contract(provider(1), DAY, null);
        contract.reference = "REF-1";
        contract.provider.lei = "5493001KJTIIGC8Y1R12";
        contract.serviceType = IctServiceType.S04;
        assertEquals("REF-1", columns.get(0).value(contract));
        assertEquals("5493001KJTIIGC8Y1R12", columns.get(1).value(contract));
        assertEquals("LEI", columns.get(2).value(contract));
        // Annex III: only the identifier S01 to S19 is reported
        assertEquals(IctServiceType.S04, columns.get(3).value(contract));
        assertEquals("S04", columns.get(3).csv().cell(contract));
        contract.provider.lei = null;
        assertEquals(null, columns.get(1).value(contract));
        assertEquals(null, columns.get(2).value(contract), "no code, no type of code");
    }

    private static IctProvider provider(long id) {
        IctProvider provider = new IctProvider();
        provider.id = id;
        provider.name("Provider " + id);
        return provider;
    }

    private static IctContract contract(IctProvider provider, LocalDate start, LocalDate end,
            BusinessService... services) {
        IctContract contract = new IctContract();
        contract.provider = provider;
        contract.startDate = start;
        contract.endDate = end;
        contract.exitPlan = true;
        contract.substitutability = Substitutability.NOT_SUBSTITUTABLE;
        contract.services.addAll(List.of(services));
        return contract;
    }
}
