package org.opregister.taxonomy;

/** Basel II business lines (CRR Art. 317), with the EU reporting addition "corporate items". */
public enum BusinessLine {
    CORPORATE_FINANCE, TRADING_AND_SALES, RETAIL_BANKING, COMMERCIAL_BANKING, PAYMENT_AND_SETTLEMENT, AGENCY_SERVICES, ASSET_MANAGEMENT, RETAIL_BROKERAGE, CORPORATE_ITEMS
}
