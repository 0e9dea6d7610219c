package io.ticketflow.intake.web;

import java.util.List;

/** A request body whose rules span several fields; see {@link CrossFieldRules}. */
public interface CrossFieldChecked {

    /** The fields that break a rule spanning several fields; empty when the request is consistent. */
    List<FieldProblem> crossFieldProblems();
}
