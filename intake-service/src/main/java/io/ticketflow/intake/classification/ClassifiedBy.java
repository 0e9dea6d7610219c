package io.ticketflow.intake.classification;

/**
 * Which rule decided each part of a classification, named like its configuration key, e.g.
 * {@code types.FUNCTION[fails]}, {@code natures.default}, {@code priorities.P1[cannot pay]+vip}.
 */
public record ClassifiedBy(String type, String nature, String priority) {
}
