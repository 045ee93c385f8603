package io.webcare.cases.cases;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores statuses in lower case, as the partial index on open cases names them. */
@Converter
public class CaseStatusConverter implements AttributeConverter<CaseStatus, String> {
    @Override
    public String convertToDatabaseColumn(CaseStatus status) {
        return status == null ? null : status.dbValue();
    }

    @Override
    public CaseStatus convertToEntityAttribute(String value) {
        return value == null ? null : CaseStatus.valueOf(value.toUpperCase());
    }
}
