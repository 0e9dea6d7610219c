package io.ticketflow.intake.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link CrossFieldChecked} request's own rules during Bean Validation, so that every bad
 * field, whichever kind of rule it breaks, is reported in one 400 answer under its own name.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CrossFieldRulesValidator.class)
public @interface CrossFieldRules {

    String message() default "is inconsistent with other fields";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
