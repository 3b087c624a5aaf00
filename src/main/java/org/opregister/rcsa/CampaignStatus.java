package org.opregister.rcsa;

import io.quarkus.qute.TemplateEnum;

/** An assessment campaign is open until every task is approved (completed) or a manager closes it early. */
@TemplateEnum
public enum CampaignStatus {
    OPEN, COMPLETED, CLOSED
}
