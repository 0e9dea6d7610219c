package io.ticketflow.intake.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/** Turns each {@link FieldProblem} of a {@link CrossFieldChecked} request into a violation on that field. */
public class CrossFieldRulesValidator implements ConstraintValidator<CrossFieldRules, CrossFieldChecked> {

    @Override
    public boolean isValid(CrossFieldChecked request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        List<FieldProblem> problems = request.crossFieldProblems();
        if (problems.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (FieldProblem problem : problems) {
            context.buildConstraintViolationWithTemplate(escape(problem.message()))
                    .addPropertyNode(problem.field())
                    .addConstraintViolation();
        }
        return false;
    }

    /** Messages are literal text, never message templates or expressions. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
