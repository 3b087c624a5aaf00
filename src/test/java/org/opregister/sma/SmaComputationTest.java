package org.opregister.sma;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.opregister.sma.SmaComputation.AnnualLoss;
import org.opregister.sma.SmaComputation.Boundaries;
import org.opregister.sma.SmaComputation.IlmRule;
import org.opregister.sma.SmaComputation.Input;
import org.opregister.sma.SmaComputation.Items;
import org.opregister.sma.SmaComputation.LossHistory;
import org.opregister.sma.SmaComputation.Result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMA arithmetic (BIS OPE25; CRR3 Arts. 312–314) pinned with figures written here. */
class SmaComputationTest {

    private static final Boundaries EUR = Boundaries.at(BigDecimal.ONE);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static void same(String expected, BigDecimal actual, String what) {
        assertEquals(0, d(expected).compareTo(actual), what + ": expected " + expected + " but was " + actual);
    }

    private static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    /** Items whose BI is exactly {@code bi}: everything in the trading book. */
    private static List<Items> flat(int year, String bi) {
        return List.of(trading(year - 2, bi), trading(year - 1, bi), trading(year, bi));
    }

    private static Items trading(int year, String pnl) {
        BigDecimal zero = BigDecimal.ZERO;
        return new Items(year, zero, zero, zero, zero, zero, zero, zero, zero, d(pnl), zero);
    }

    private static Map<Integer, AnnualLoss> everyYear(int from, int to, String net) {
        Map<Integer, AnnualLoss> losses = new HashMap<>();
        for (int y = from; y <= to; y++) {
            losses.put(y, new AnnualLoss(y, 1, d(net), BigDecimal.ZERO, d(net)));
        }
        return losses;
    }

    @Test
    void theIssuesWorkedExampleBi2bnLoss1point2mEachYear() {
        Result r = SmaComputation.compute(new Input(2024, flat(2024, "2000000000"),
                everyYear(2015, 2024, "1200000"), 2010, EUR));
        same("2000000000", r.bi(), "BI");
        assertEquals(2, r.bucket());
        same("270000000", r.bic(), "BIC = 1bn × 12% + 1bn × 15%");
        assertEquals(10, r.lossYears().size());
        assertEquals(LossHistory.FULL, r.lossHistory());
        same("1200000", r.averageAnnualLoss(), "average annual loss");
        same("18000000", r.lc(), "LC = 15 × 1.2m");
        assertEquals(d("0.0667"), round(r.lcToBic(), 4), "LC/BIC");
        assertEquals(IlmRule.FROM_LOSSES, r.baselIlmRule());
        assertEquals(d("0.606"), round(r.baselIlm(), 3), "ILM = ln(e − 1 + 0.0667^0.8)");
        assertEquals(d("0.605881"), round(r.baselIlm(), 6));
        assertEquals(d("163.6"), round(r.baselOrc().movePointLeft(6), 1), "Basel ORC ≈ 163.6m");
        assertEquals(d("163587924.60"), round(r.baselOrc(), 2));
        assertEquals(d("2044849057.54"), round(r.baselRwa(), 2), "Basel RWA = 12.5 × ORC");
        same("270000000", r.euOwnFunds(), "EU own funds = BIC (ILM = 1)");
        same("3375000000", r.euRwa(), "EU RWA = 12.5 × 270m");
        assertTrue(r.euLossCalculationRequired(), "BI 2bn ≥ 750m: Art. 316(1)");
    }

    @Test
    void ope25Point7ExampleBi35bnGivesBic5point37bn() {
        Result r = SmaComputation.compute(new Input(2024, flat(2024, "35000000000"), Map.of(), null, EUR));
        assertEquals(3, r.bucket());
        same("120000000", r.tranches().get(0).charge(), "1bn × 12%");
        same("4350000000", r.tranches().get(1).charge(), "29bn × 15%");
        same("900000000", r.tranches().get(2).charge(), "5bn × 18%");
        same("5370000000", r.bic(), "BIC");
        assertEquals(IlmRule.TOO_FEW_YEARS, r.baselIlmRule(), "no loss data: BIC only");
        same("5370000000", r.baselOrc(), "ILM = 1");
        assertNull(r.lc());
    }

    @Test
    void netItemsAreMadeAbsoluteYearByYearBeforeTheThreeYearAverage() {
        BigDecimal big = d("100000");
        List<Items> items = List.of(
                new Items(2022, d("500"), d("300"), big, d("10"), d("100"), d("90"), d("10"), d("40"), d("30"),
                        d("-3")),
                new Items(2023, d("300"), d("500"), big, d("20"), d("200"), d("90"), d("20"), d("50"), d("-60"),
                        d("-6")),
                new Items(2024, d("600"), d("400"), big, d("30"), d("300"), d("90"), d("30"), d("60"), d("90"),
                        d("-9")));
        Result r = SmaComputation.compute(new Input(2024, items, Map.of(), null, EUR));
        same("200", r.avgAbsNetInterest(), "|200|, |−200|, |200| averaged (not |66.67|)");
        same("2250", r.assetCap(), "2.25% × 100,000");
        same("20", r.avgDividendIncome(), "dividends");
        same("220", r.ildc(), "min(200; 2,250) + 20");
        same("20", r.avgOtherOperatingIncome(), "OOI");
        same("50", r.avgOtherOperatingExpense(), "OOE");
        same("200", r.avgFeeIncome(), "FCI");
        same("90", r.avgFeeExpense(), "FCE");
        same("250", r.sc(), "max(20; 50) + max(200; 90)");
        same("60", r.avgAbsTradingBook(), "|30|, |−60|, |90| averaged (not 20)");
        same("6", r.avgAbsBankingBook(), "|−3|, |−6|, |−9| averaged");
        same("66", r.fc(), "FC");
        same("536", r.bi(), "BI = 220 + 250 + 66");
        same("64.32", r.bic(), "bucket 1: 536 × 12%");
    }

    @Test
    void theInterestEarningAssetsCapBindsWhenSmaller() {
        BigDecimal z = BigDecimal.ZERO;
        List<Items> items = List.of(new Items(2022, d("500"), d("300"), d("1000"), d("10"), z, z, z, z, z, z),
                new Items(2023, d("300"), d("500"), d("1000"), d("20"), z, z, z, z, z, z),
                new Items(2024, d("600"), d("400"), d("1000"), d("30"), z, z, z, z, z, z));
        Result r = SmaComputation.compute(new Input(2024, items, Map.of(), null, EUR));
        same("22.5", r.assetCap(), "2.25% × 1,000");
        same("42.5", r.ildc(), "min(200; 22.5) + 20");
    }

    @Test
    void fiveToNineYearsAreAveragedOverTheYearsThereAreAndFewerThanFiveGiveBicOnly() {
        Map<Integer, AnnualLoss> losses = new HashMap<>();
        losses.put(2014, new AnnualLoss(2014, 1, d("9000000"), BigDecimal.ZERO, d("9000000")));
        losses.put(2018, new AnnualLoss(2018, 2, d("800000"), d("100000"), d("700000")));
        losses.put(2023, new AnnualLoss(2023, 1, BigDecimal.ZERO, d("70000"), d("-70000")));
        List<Items> items = flat(2024, "2000000000");

        Result seven = SmaComputation.compute(new Input(2024, items, losses, 2018, EUR));
        assertEquals(7, seven.lossYears().size(), "2018 to 2024");
        assertEquals(2018, seven.lossYears().get(0).year());
        assertEquals(LossHistory.FIRST_ADOPTION, seven.lossHistory());
        same("630000", seven.lossTotal(), "700,000 − 70,000: a later recovery reduces its own year");
        same("90000", seven.averageAnnualLoss(), "630,000 / 7");
        same("1350000", seven.lc(), "15 × 90,000");
        assertEquals(IlmRule.FROM_LOSSES, seven.baselIlmRule());

        Result ten = SmaComputation.compute(new Input(2024, items, losses, 2000, EUR));
        assertEquals(10, ten.lossYears().size(), "2015 to 2024: 2014 is outside the window");
        same("63000", ten.averageAnnualLoss(), "630,000 / 10");

        Result four = SmaComputation.compute(new Input(2024, items, losses, 2021, EUR));
        assertEquals(4, four.lossYears().size());
        assertEquals(LossHistory.TOO_FEW, four.lossHistory());
        assertEquals(IlmRule.TOO_FEW_YEARS, four.baselIlmRule());
        same("1", four.baselIlm(), "BIC only");
        same("270000000", four.baselOrc(), "ORC = BIC");
        assertTrue(four.ilmFromLosses().compareTo(BigDecimal.ONE) < 0, "still shown for information");
        assertFalse(four.indicativeIlmAboveOne());
    }

    @Test
    void bucketOneKeepsIlmAtOneAndTheEuLossCalculationStartsAt750m() {
        Result r = SmaComputation.compute(new Input(2024, flat(2024, "800000000"),
                everyYear(2015, 2024, "30000000"), 2015, EUR));
        assertEquals(1, r.bucket());
        same("96000000", r.bic(), "800m × 12%");
        assertEquals(IlmRule.BUCKET_ONE, r.baselIlmRule());
        same("96000000", r.baselOrc(), "bucket 1: ORC = BIC");
        assertTrue(r.indicativeIlmAboveOne(), "LC 450m > BIC: the ILM from losses would exceed 1");
        assertTrue(r.euLossCalculationRequired());
        Result small = SmaComputation.compute(new Input(2024, flat(2024, "749999999"), Map.of(), null, EUR));
        assertFalse(small.euLossCalculationRequired());
    }

    @Test
    void ilmIsOneWhereLossAndBusinessIndicatorComponentsAreEqual() {
        same("1", SmaComputation.ilm(BigDecimal.ONE).setScale(12, RoundingMode.HALF_UP), "OPE25.8");
        assertEquals(d("0.5413"), round(SmaComputation.ilm(BigDecimal.ZERO), 4), "ln(e − 1) with no losses");
    }

    @Test
    void theEurBoundariesAreConvertedAtTheRateGiven() {
        Result r = SmaComputation.compute(new Input(2024, flat(2024, "2000000000"), Map.of(), null,
                Boundaries.at(d("2"))));
        same("2000000000", r.boundaries().first(), "EUR 1bn at 2 per EUR");
        assertEquals(1, r.bucket(), "BI 2bn in a currency worth half a euro is bucket 1");
        same("240000000", r.bic(), "2bn × 12%");
        Result none = SmaComputation.compute(new Input(2024, flat(2024, "2000000000"), Map.of(), null, null));
        assertNull(none.bic(), "no rate: no BIC invented");
        assertNull(none.baselOrc());
    }

    @Test
    void threeYearsOfInputsAreNeeded() {
        List<Items> two = List.of(trading(2023, "1"), trading(2024, "1"));
        assertThrows(IllegalArgumentException.class,
                () -> SmaComputation.compute(new Input(2024, two, Map.of(), null, EUR)));
    }
}
