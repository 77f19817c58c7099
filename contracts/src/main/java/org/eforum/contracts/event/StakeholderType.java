package org.eforum.contracts.event;

public enum StakeholderType {
    GOVERNMENT_INSTITUTION,
    LOCAL_AUTHORITY,
    SOCIAL_PARTNER,
    CIVIL_SOCIETY,
    IMMIGRANT_COMMUNITY,
    INTERNATIONAL_ORGANISATION,
    ACADEMIA,
    MEDIA,
    EXPERT,
    OTHER
}
