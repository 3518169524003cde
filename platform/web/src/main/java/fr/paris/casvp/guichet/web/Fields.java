package fr.paris.casvp.guichet.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks every command body repeats, each adding a {@link FieldError} to the list rather than throwing, so that one
 * 400 answer names every bad field ({@link #check}).
 */
public final class Fields {

    private Fields() {
    }

    /** Euros: required, positive, at most 2 decimals, at most {@code max}. */
    public static void money(String field, BigDecimal amount, BigDecimal max, List<FieldError> errors) {
        if (amount == null) {
            errors.add(FieldError.of(field, "is required: euros, with at most 2 decimals"));
        } else if (amount.signum() <= 0) {
            errors.add(FieldError.of(field, "must be positive"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.of(field, "must have at most 2 decimals (cents)"));
        } else if (amount.compareTo(max) > 0) {
            errors.add(FieldError.of(field, "must be at most " + max.toPlainString() + " €"));
        }
    }

    /** A month as {@code 2026-11}: required; null (and the error added) when it is missing or not a month. */
    public static YearMonth month(String field, String value, List<FieldError> errors) {
        try {
            if (value != null) {
                return YearMonth.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(FieldError.of(field, "must be a month, e.g. 2026-11"));
        return null;
    }

    /** A month, or a 400 problem naming the field. */
    public static YearMonth month(String field, String value) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth month = month(field, value, errors);
        check(errors);
        return month;
    }

    /** Required, not blank, at most {@code max} characters. */
    public static void text(String field, String value, int max, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(FieldError.of(field, "is required"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "must be at most " + max + " characters"));
        }
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A 400 problem naming every error, if there is any. */
    public static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
