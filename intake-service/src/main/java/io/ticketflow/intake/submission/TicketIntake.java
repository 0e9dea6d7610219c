package io.ticketflow.intake.submission;

import io.ticketflow.events.PersonalData;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.spring.EventPublishException;
import io.ticketflow.events.spring.EventPublisher;
import io.ticketflow.intake.classification.Classification;
import io.ticketflow.intake.classification.Classifier;
import io.ticketflow.intake.numbering.TicketNumbers;
import io.ticketflow.intake.privacy.ContactCipher;
import io.ticketflow.intake.privacy.ContactVault;
import io.ticketflow.intake.repeat.RepeatDetection;
import io.ticketflow.intake.ticket.InfoRequests;
import io.ticketflow.intake.ticket.LifecycleEventIds;
import io.ticketflow.intake.ticket.TicketProjection;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one path by which a ticket comes into being, whatever the channel: classify, check the
 * evidence, number, keep the contact encrypted, publish TicketCreated and wait for Kafka's
 * acknowledgement, then show the ticket in the view. Only after the acknowledgement does the
 * channel hear "accepted". An Idempotency-Key makes a retried submission give the same answer
 * instead of a second ticket.
 */
@Service
class TicketIntake {

    private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);
    private static final int CLAIM_ATTEMPTS = 3;

    private final Classifier classifier;
    private final RequiredEvidence evidence;
    private final TicketNumbers numbers;
    private final ContactVault contacts;
    private final ContactCipher cipher;
    private final EventPublisher publisher;
    private final TicketProjection projection;
    private final IdempotencyKeys keys;
    private final InfoRequests infoRequests;
    private final RepeatDetection repeats;
    private final Clock clock;

    TicketIntake(Classifier classifier, RequiredEvidence evidence, TicketNumbers numbers, ContactVault contacts,
            ContactCipher cipher, EventPublisher publisher, TicketProjection projection, IdempotencyKeys keys,
            InfoRequests infoRequests, RepeatDetection repeats, Clock clock) {
        this.classifier = classifier;
        this.evidence = evidence;
        this.numbers = numbers;
        this.contacts = contacts;
        this.cipher = cipher;
        this.publisher = publisher;
        this.projection = projection;
        this.keys = keys;
        this.infoRequests = infoRequests;
        this.repeats = repeats;
        this.clock = clock;
    }

    /** Accepts a submission; the receipt is only returned once Kafka holds the TicketCreated. */
    Accepted submit(Submission submission) {
        return new Accepted(accept(draft(submission, false), submission), false);
    }

    /**
     * Accepts a submission at most once per key: the same key and body again gets the first
     * answer; the same key with another body is refused.
     */
    Accepted submit(Submission submission, String idempotencyKey) {
        return submit(submission, idempotencyKey, false);
    }

    /**
     * As {@link #submit(Submission, String)}, for a channel that also carries files: an attached
     * screenshot stands in for the error code a product fault needs.
     */
    Accepted submit(Submission submission, String idempotencyKey, boolean screenshot) {
        String fingerprint = cipher.fingerprint(submission.canonical());
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<IdempotencyRecord> known = keys.find(idempotencyKey);
            if (known.isEmpty()) {
                Draft draft = draft(submission, screenshot);
                if (keys.claim(idempotencyKey, fingerprint, draft)) {
                    return new Accepted(acceptClaimed(idempotencyKey, draft, submission), false);
                }
                continue; // another request claimed the key a moment ago: judge against its record
            }
            IdempotencyRecord record = known.get();
            if (!record.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            if (record.completed()) {
                log.debug("idempotent replay ticketNo={}", record.ticketNo());
                return new Accepted(SubmissionReceipt.of(record.draft().event()), true);
            }
            Optional<IdempotencyRecord> takenOver = keys.takeOver(idempotencyKey);
            if (takenOver.isPresent()) {
                log.info("resuming interrupted submission ticketNo={} eventId={}", record.ticketNo(), record.eventId());
                return new Accepted(acceptClaimed(idempotencyKey, takenOver.get().draft(), submission), false);
            }
            throw new SubmissionInProgressException();
        }
        throw new SubmissionInProgressException();
    }

    private SubmissionReceipt acceptClaimed(String key, Draft draft, Submission submission) {
        SubmissionReceipt receipt;
        try {
            receipt = accept(draft, submission);
        } catch (EventPublishException e) {
            if (e instanceof InfoRequestNotConfirmedException) {
                throw e; // the ticket exists: the key stays claimed, a retry takes it over once it runs out
            }
            try {
                keys.release(key);
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed); // the claim then runs out by itself
            }
            throw e;
        }
        try {
            keys.complete(key);
        } catch (RuntimeException e) {
            // the ticket is accepted; a retry with this key takes the claim over once it runs out
            // and republishes the same event under the same id, which changes nothing
            log.warn("idempotency key not marked completed ticketNo={} cause={}", receipt.ticketNo(),
                    e.getClass().getSimpleName());
        }
        return receipt;
    }

    private Draft draft(Submission submission, boolean screenshot) {
        Classification classification = classifier.classify(submission.subject(), submission.description(),
                submission.tags(), submission.vip(), submission.escalated());
        List<String> missing = evidence.missing(classification.type(), submission.text(), submission.tags(),
                screenshot);
        String ticketId = UUID.randomUUID().toString();
        TicketCreated created = new TicketCreated(
                ticketId,
                numbers.next(),
                1,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                submission.channel(),
                submission.customerId(),
                PersonalData.maskContact(submission.contact()),
                submission.vip(),
                PersonalData.maskText(submission.subject()),
                PersonalData.maskText(submission.description()),
                submission.tags().stream().map(PersonalData::maskText).toList(),
                classification.type(),
                classification.nature(),
                classification.priority(),
                classification.department(),
                missing.isEmpty() ? TicketStatus.NEW : TicketStatus.NEEDS_INFO,
                missing);
        return new Draft(LifecycleEventIds.of(ticketId, created.sequence()), created, classification.classifiedBy());
    }

    private SubmissionReceipt accept(Draft draft, Submission submission) {
        TicketCreated created = draft.event();
        if (submission.contact() != null) {
            // before publishing: an accepted ticket must never lack its contact
            contacts.store(created.ticketId(), submission.contact());
        }
        publisher.publish(draft.eventId(), created);
        // a ticket missing evidence asks for it as its sequence 2, acknowledged before the 201;
        // if this stops in between, the follow-up repair publishes the very same event later
        TicketInfoRequested infoRequested = null;
        if (created.status() == TicketStatus.NEEDS_INFO) {
            try {
                infoRequested = infoRequests.publishFor(created);
            } catch (EventPublishException e) {
                throw new InfoRequestNotConfirmedException(e);
            }
        }
        try {
            projection.applyCreated(draft.eventId(), created, draft.classifiedBy());
            if (infoRequested != null) {
                infoRequests.project(infoRequested);
            }
        } catch (RuntimeException viewDown) {
            // Kafka holds the ticket; the lifecycle listener will put it in the view
            log.warn("view not updated after publishing ticketNo={} eventId={} cause={}", created.ticketNo(),
                    draft.eventId(), viewDown.getClass().getSimpleName());
        }
        log.info("TicketCreated ticketNo={} eventId={} channel={} status={} type={} nature={} priority={} missingInfo={}",
                created.ticketNo(), draft.eventId(), created.channel(), created.status(), created.type(),
                created.nature(), created.priority(), created.missingInfo());
        try {
            // after the info request, if any: the link takes the next free sequence through the lease
            repeats.check(created, submission.contact(), submission.text());
        } catch (RuntimeException e) {
            // the ticket stands; it is only not linked to the earlier one
            log.warn("repeat check failed ticketNo={} eventId={} cause={}", created.ticketNo(), draft.eventId(),
                    e.getClass().getSimpleName());
        }
        return SubmissionReceipt.of(created);
    }

    /** A receipt, and whether it replays an earlier answer to the same Idempotency-Key. */
    record Accepted(SubmissionReceipt receipt, boolean replayed) {
    }
}
