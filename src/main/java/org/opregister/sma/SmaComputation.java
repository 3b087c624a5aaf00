package org.opregister.sma;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The standardised approach for operational risk (BIS OPE25; CRR3 Arts. 312–314), as a pure calculation on figures
 * in one currency. Every intermediate figure is kept so the page and the API can show the trace. Arithmetic is
 * {@link MathContext#DECIMAL128}; only the ILM's logarithm and power go through {@code double} (15–16 significant
 * digits, far below what the result is shown with). Figures are rounded only where they are shown.
 */
public final class SmaComputation {

    public static final MathContext MC = MathContext.DECIMAL128;

    /** OPE25.7 / CRR3 Art. 313: bucket boundaries in EUR. */
    public static final BigDecimal FIRST_BOUNDARY_EUR = new BigDecimal("1000000000");
    public static final BigDecimal SECOND_BOUNDARY_EUR = new BigDecimal("30000000000");
    /** CRR3 Art. 316(1): from this BI on, the annual operational risk loss must be calculated. */
    public static final BigDecimal LOSS_CALCULATION_EUR = new BigDecimal("750000000");

    public static final BigDecimal ALPHA_1 = new BigDecimal("0.12");
    public static final BigDecimal ALPHA_2 = new BigDecimal("0.15");
    public static final BigDecimal ALPHA_3 = new BigDecimal("0.18");
    /** OPE25.5: the interest-earning-assets cap of the ILDC, 2.25%. */
    public static final BigDecimal ASSET_CAP = new BigDecimal("0.0225");
    /** OPE25.8: the exponent of LC/BIC in the ILM, and e − 1, as the page's trace writes them. */
    public static final BigDecimal ILM_EXPONENT = new BigDecimal("0.8");
    public static final BigDecimal E_MINUS_ONE = BigDecimal.valueOf(Math.E - 1);
    /** OPE25.8: LC = 15 × average annual loss. */
    public static final BigDecimal LOSS_MULTIPLE = new BigDecimal("15");
    /** OPE25.2: RWA = 12.5 × ORC. */
    public static final BigDecimal RWA_MULTIPLE = new BigDecimal("12.5");
    public static final int LOSS_YEARS = 10;
    public static final int MINIMUM_LOSS_YEARS = 5;

    private SmaComputation() {
    }

    /** One financial year's BI items (OPE25.5; CRR3 Art. 314). */
    public record Items(int year, BigDecimal interestIncome, BigDecimal interestExpense,
            BigDecimal interestEarningAssets, BigDecimal dividendIncome, BigDecimal feeIncome, BigDecimal feeExpense,
            BigDecimal otherOperatingIncome, BigDecimal otherOperatingExpense, BigDecimal tradingBookPnl,
            BigDecimal bankingBookPnl) {

        /** |interest income − interest expense| of this year (OPE25.5 fn 1: absolute value year by year first). */
        public BigDecimal absNetInterest() {
            return interestIncome.subtract(interestExpense).abs();
        }
    }

    /** A year of the loss data set: events with lines booked that year, gross loss, received recoveries, net. */
    public record AnnualLoss(int year, long events, BigDecimal gross, BigDecimal recoveries, BigDecimal net) {

        public static AnnualLoss none(int year) {
            return new AnnualLoss(year, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }
    }

    /** The EUR boundaries in the reporting currency: {@code rate} units of it per EUR (1 when it is EUR). */
    public record Boundaries(BigDecimal rate, BigDecimal first, BigDecimal second, BigDecimal lossCalculation) {

        public static Boundaries at(BigDecimal rate) {
            return new Boundaries(rate, FIRST_BOUNDARY_EUR.multiply(rate, MC), SECOND_BOUNDARY_EUR.multiply(rate, MC),
                    LOSS_CALCULATION_EUR.multiply(rate, MC));
        }
    }

    /** How much loss history the LC rests on (OPE25.8 and the 10/5-year rule). */
    public enum LossHistory {
        /** Ten years. */
        FULL,
        /** Five to nine years: accepted at first adoption only. */
        FIRST_ADOPTION,
        /** Fewer than five years: BIC only (ILM = 1). */
        TOO_FEW
    }

    /** Why the Basel ILM is 1 rather than the one computed from losses. */
    public enum IlmRule {
        /** From the loss component. */
        FROM_LOSSES,
        /** Bucket 1 (BI ≤ EUR 1bn): ILM = 1 unless the supervisor requires loss data. */
        BUCKET_ONE,
        /** Fewer than five years of loss data: BIC only. */
        TOO_FEW_YEARS,
        /** BIC is zero: the ratio LC / BIC has no meaning. */
        NO_BIC
    }

    /** What the calculation takes. */
    public record Input(int year, List<Items> items, Map<Integer, AnnualLoss> losses, Integer firstLossYear,
            Boundaries boundaries) {
    }

    /** The BIC split by bucket: the part of the BI in each bucket and its marginal coefficient's product. */
    public record Tranche(int bucket, BigDecimal coefficient, BigDecimal amount, BigDecimal charge) {
    }

    /** Every figure of the calculation. Those depending on the boundaries are null when there are none. */
    public record Result(int year, List<Items> items, BigDecimal avgAbsNetInterest, BigDecimal avgInterestEarningAssets,
            BigDecimal assetCap, BigDecimal avgDividendIncome, BigDecimal ildc, BigDecimal avgOtherOperatingIncome,
            BigDecimal avgOtherOperatingExpense, BigDecimal avgFeeIncome, BigDecimal avgFeeExpense, BigDecimal sc,
            BigDecimal avgAbsTradingBook, BigDecimal avgAbsBankingBook, BigDecimal fc, BigDecimal bi,
            Boundaries boundaries, Integer bucket, List<Tranche> tranches, BigDecimal bic, List<AnnualLoss> lossYears,
            LossHistory lossHistory, BigDecimal lossTotal, BigDecimal averageAnnualLoss, BigDecimal lc,
            BigDecimal lcToBic, BigDecimal ilmFromLosses, IlmRule baselIlmRule, BigDecimal baselIlm,
            BigDecimal baselOrc, BigDecimal baselRwa, BigDecimal euOwnFunds, BigDecimal euRwa,
            Boolean euLossCalculationRequired) {

        /** Whether the ILM computed from losses exceeds 1 while the Basel result uses 1 (a supervisor may differ). */
        public boolean indicativeIlmAboveOne() {
            return baselIlmRule != IlmRule.FROM_LOSSES && ilmFromLosses != null
                    && ilmFromLosses.compareTo(BigDecimal.ONE) > 0;
        }

        /** The EU multiplier: CRR3 Art. 312 sets the own funds requirement to the BIC, so 1 whatever the losses. */
        public BigDecimal euIlm() {
            return BigDecimal.ONE;
        }

        public BigDecimal assetCapRate() {
            return ASSET_CAP;
        }

        public BigDecimal ilmExponent() {
            return ILM_EXPONENT;
        }

        public BigDecimal eMinusOne() {
            return E_MINUS_ONE;
        }
    }

    /**
     * Runs the calculation. {@code items} must hold the years t−2, t−1 and t (any order); {@code losses} the annual
     * losses by accounting year (years missing count as no loss); {@code firstLossYear} the first year of loss data
     * collection (null: none).
     */
    public static Result compute(Input input) {
        int t = input.year();
        List<Items> three = new ArrayList<>();
        for (int y = t - 2; y <= t; y++) {
            int year = y;
            three.add(input.items().stream().filter(i -> i.year() == year).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no inputs for " + year)));
        }
        BigDecimal avgAbsNetInterest = average(three.stream().map(Items::absNetInterest).toList());
        BigDecimal avgAssets = average(three.stream().map(Items::interestEarningAssets).toList());
        BigDecimal assetCap = ASSET_CAP.multiply(avgAssets, MC);
        BigDecimal avgDividend = average(three.stream().map(Items::dividendIncome).toList());
        BigDecimal ildc = avgAbsNetInterest.min(assetCap).add(avgDividend, MC);

        BigDecimal avgOoi = average(three.stream().map(Items::otherOperatingIncome).toList());
        BigDecimal avgOoe = average(three.stream().map(Items::otherOperatingExpense).toList());
        BigDecimal avgFci = average(three.stream().map(Items::feeIncome).toList());
        BigDecimal avgFce = average(three.stream().map(Items::feeExpense).toList());
        BigDecimal sc = avgOoi.max(avgOoe).add(avgFci.max(avgFce), MC);

        BigDecimal avgTrading = average(three.stream().map(i -> i.tradingBookPnl().abs()).toList());
        BigDecimal avgBanking = average(three.stream().map(i -> i.bankingBookPnl().abs()).toList());
        BigDecimal fc = avgTrading.add(avgBanking, MC);

        BigDecimal bi = ildc.add(sc, MC).add(fc, MC);

        Boundaries boundaries = input.boundaries();
        Integer bucket = null;
        List<Tranche> tranches = null;
        BigDecimal bic = null;
        if (boundaries != null) {
            bucket = bucket(bi, boundaries);
            tranches = tranches(bi, boundaries);
            bic = tranches.stream().map(Tranche::charge).reduce(BigDecimal.ZERO, (a, b) -> a.add(b, MC));
        }

        int firstWindowYear = t - LOSS_YEARS + 1;
        Integer first = input.firstLossYear();
        int start = first == null ? t + 1 : Math.max(firstWindowYear, first);
        List<AnnualLoss> lossYears = new ArrayList<>();
        for (int y = start; y <= t; y++) {
            lossYears.add(input.losses().getOrDefault(y, AnnualLoss.none(y)));
        }
        int years = lossYears.size();
        LossHistory history = years >= LOSS_YEARS
                ? LossHistory.FULL
                : years >= MINIMUM_LOSS_YEARS ? LossHistory.FIRST_ADOPTION : LossHistory.TOO_FEW;
        BigDecimal lossTotal = lossYears.stream().map(AnnualLoss::net).reduce(BigDecimal.ZERO,
                (a, b) -> a.add(b, MC));
        BigDecimal averageLoss = years == 0 ? null : lossTotal.divide(BigDecimal.valueOf(years), MC);
        // A window whose recoveries exceed its losses gives no loss component below zero.
        BigDecimal lc = averageLoss == null ? null : LOSS_MULTIPLE.multiply(averageLoss.max(BigDecimal.ZERO), MC);

        BigDecimal ratio = null;
        BigDecimal ilmFromLosses = null;
        if (lc != null && bic != null && bic.signum() > 0) {
            ratio = lc.divide(bic, MC);
            ilmFromLosses = ilm(ratio);
        }
        IlmRule rule = null;
        BigDecimal baselIlm = null;
        BigDecimal baselOrc = null;
        BigDecimal baselRwa = null;
        BigDecimal euOwnFunds = null;
        BigDecimal euRwa = null;
        Boolean lossCalculation = null;
        if (bic != null) {
            rule = bic.signum() <= 0
                    ? IlmRule.NO_BIC
                    : bucket == 1
                            ? IlmRule.BUCKET_ONE
                            : history == LossHistory.TOO_FEW || ilmFromLosses == null
                                    ? IlmRule.TOO_FEW_YEARS
                                    : IlmRule.FROM_LOSSES;
            baselIlm = rule == IlmRule.FROM_LOSSES ? ilmFromLosses : BigDecimal.ONE;
            baselOrc = bic.multiply(baselIlm, MC);
            baselRwa = RWA_MULTIPLE.multiply(baselOrc, MC);
            euOwnFunds = bic;
            euRwa = RWA_MULTIPLE.multiply(bic, MC);
            lossCalculation = bi.compareTo(boundaries.lossCalculation()) >= 0;
        }
        return new Result(t, List.copyOf(three), avgAbsNetInterest, avgAssets, assetCap, avgDividend, ildc, avgOoi,
                avgOoe, avgFci, avgFce, sc, avgTrading, avgBanking, fc, bi, boundaries, bucket, tranches, bic,
                List.copyOf(lossYears), history, lossTotal, averageLoss, lc, ratio, ilmFromLosses, rule, baselIlm,
                baselOrc, baselRwa, euOwnFunds, euRwa, lossCalculation);
    }

    /** OPE25.7: bucket 1 up to the first boundary, 2 up to the second, 3 above. */
    static int bucket(BigDecimal bi, Boundaries boundaries) {
        return bi.compareTo(boundaries.first()) <= 0 ? 1 : bi.compareTo(boundaries.second()) <= 0 ? 2 : 3;
    }

    /** OPE25.7 / CRR3 Art. 313: the BI cut at the boundaries, each part times its marginal coefficient. */
    static List<Tranche> tranches(BigDecimal bi, Boundaries boundaries) {
        BigDecimal positive = bi.max(BigDecimal.ZERO);
        BigDecimal one = positive.min(boundaries.first());
        BigDecimal two = positive.min(boundaries.second()).subtract(boundaries.first(), MC).max(BigDecimal.ZERO);
        BigDecimal three = positive.subtract(boundaries.second(), MC).max(BigDecimal.ZERO);
        return List.of(new Tranche(1, ALPHA_1, one, ALPHA_1.multiply(one, MC)),
                new Tranche(2, ALPHA_2, two, ALPHA_2.multiply(two, MC)),
                new Tranche(3, ALPHA_3, three, ALPHA_3.multiply(three, MC)));
    }

    /** OPE25.8: ILM = ln(e − 1 + (LC/BIC)^0.8). The formula is from a secondary source (README). */
    public static BigDecimal ilm(BigDecimal lcToBic) {
        Objects.requireNonNull(lcToBic);
        double value = Math
                .log(E_MINUS_ONE.doubleValue() + Math.pow(lcToBic.doubleValue(), ILM_EXPONENT.doubleValue()));
        return new BigDecimal(value, MathContext.DECIMAL64);
    }

    static BigDecimal average(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, (a, b) -> a.add(b, MC));
        return sum.divide(BigDecimal.valueOf(values.size()), MC);
    }
}
