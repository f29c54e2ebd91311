package io.catalogs.api.stripe;

import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.RemotePath;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.mapping.RemoteValueType;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.stripe.StripeClient;
import io.catalogs.client.stripe.StripeInvoice;
import io.catalogs.client.stripe.StripeInvoiceAction;
import io.catalogs.client.stripe.StripeInvoiceParams;
import io.catalogs.client.stripe.StripePageRequest;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.Operator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stripe invoices as a {@link RemoteCollection}, one invoice item each. Paths: {@code customer}
 * (the {@code cus_...} id), {@code currency} (lower case), {@code amount} (decimal, the currency's
 * major unit: see {@link StripeAmounts}), {@code status} ({@code draft}, {@code open}, {@code paid},
 * {@code void}, {@code uncollectible}), {@code due_date} (a timestamp), {@code description}, the
 * read-only {@code number} (Stripe's, assigned at finalization), {@code amount_due} and
 * {@code created}, and {@code metadata.<key>}.
 *
 * <p>Writes follow Stripe's rules: an invoice is created as a draft and moved to its status through
 * the action endpoints ({@link io.catalogs.client.stripe.StripeInvoiceAction#between}); only a
 * draft changes amount, due date, customer or currency (the last two by replacing the draft); other
 * changes of finalized invoices are refused with a {@link CatalogException} saying so, as is a
 * status change Stripe has no way for. A delete
 * deletes a draft, voids an open or uncollectible invoice and marks it deleted in its metadata
 * (paid and void invoices can only be marked): marked invoices read as deleted. Lists filter by
 * customer and status at Stripe.
 */
final class StripeInvoiceCollection implements RemoteCollection {

	static final RemoteSchema SCHEMA = RemoteSchema.of("Stripe invoice",
			RemotePath.writable("customer", RemoteValueType.TEXT),
			RemotePath.writable("currency", RemoteValueType.TEXT).withMaxLength(3),
			RemotePath.writable("amount", RemoteValueType.DECIMAL),
			RemotePath.writable("status", RemoteValueType.TEXT),
			RemotePath.writable("due_date", RemoteValueType.TIMESTAMP),
			RemotePath.writable("description", RemoteValueType.TEXT).withMaxLength(1500),
			RemotePath.readOnly("id", RemoteValueType.TEXT),
			RemotePath.readOnly("number", RemoteValueType.TEXT),
			RemotePath.readOnly("amount_due", RemoteValueType.INTEGER),
			RemotePath.readOnly("created", RemoteValueType.INTEGER),
			RemotePath.anyKeyBelow("metadata", RemoteValueType.TEXT, 40).withMaxLength(500));

	private final StripeClient client;

	private final int pageSize;

	StripeInvoiceCollection(StripeClient client, int pageSize) {
		this.client = client;
		this.pageSize = Math.min(pageSize, 100);
	}

	@Override
	public RemoteSchema schema() {
		return SCHEMA;
	}

	@Override
	public boolean supports(String path, Operator operator) {
		return (path.equals("customer") || path.equals("status")) && operator == Operator.EQ;
	}

	@Override
	public Mono<RemoteObject> get(String remoteId) {
		return this.client.invoices().get(remoteId).filter(StripeInvoiceFields::live).map(StripeInvoiceFields::toRemote);
	}

	@Override
	public Mono<RemoteObject> findByEntityId(String idPath, String entityId) {
		return Mono.empty();
	}

	@Override
	public boolean consistentLookup() {
		return false;
	}

	@Override
	public Flux<RemoteObject> list(List<RemoteCondition> conditions) {
		return this.client.invoices().all(value(conditions, "customer"), value(conditions, "status"), this.pageSize)
			.filter(StripeInvoiceFields::live)
			.map(StripeInvoiceFields::toRemote);
	}

	@Override
	public Mono<String> create(Map<String, Object> fields, IdempotencyKey key) {
		StripeInvoiceFields wanted = StripeInvoiceFields.of(fields);
		return Mono.fromCallable(wanted::createParams)
			.flatMap((params) -> this.client.invoices().create(params, key))
			.flatMap((draft) -> this.client.invoices().moveTo(draft.id(), "draft", wanted.status("draft"), key)
				.thenReturn(draft.id()));
	}

	/** {@link #rewrite} with a key derived from the invoice and the fields written. */
	@Override
	public Mono<Void> update(String remoteId, Map<String, Object> fields) {
		return rewrite(remoteId, fields, IdempotencyKey.forEvent("invoice", remoteId, fields.hashCode(), "UPDATE")).then();
	}

	/**
	 * Draft: amount and due date first, then the status actions (each with a step of {@code key}),
	 * then the metadata (with the version, last, so that an interrupted write is repeated whole); a
	 * draft changing customer or currency, which Stripe fixes at creation, is replaced by a new
	 * invoice. Other statuses: only the status actions and the metadata. Everything is checked
	 * before the first call.
	 */
	@Override
	public Mono<String> rewrite(String remoteId, Map<String, Object> fields, IdempotencyKey key) {
		StripeInvoiceFields wanted = StripeInvoiceFields.of(fields);
		return this.client.invoices().get(remoteId)
			.switchIfEmpty(Mono.error(() -> new CatalogException("Stripe invoice " + remoteId + " is gone")))
			.flatMap((current) -> {
				String target = wanted.status(current.status());
				boolean draft = current.status().equals("draft");
				return Mono.fromRunnable(() -> checkChange(current, wanted, target)).then(Mono.defer(() -> {
					if (draft && wanted.fixedFieldsDiffer(current)) {
						return create(fields, key.step("replace"));
					}
					return (draft ? changeDraft(current, wanted) : Mono.<Void>empty())
						.then(this.client.invoices().moveTo(remoteId, current.status(), target, key))
						.then(this.client.invoices().update(remoteId, wanted.updateParams()))
						.thenReturn(remoteId);
				}));
			});
	}

	/** The amount (the invoice item) and the due date of a draft, where they differ. */
	private Mono<Void> changeDraft(StripeInvoice current, StripeInvoiceFields wanted) {
		long minor = StripeAmounts.toMinor(wanted.amount(current), current.currency());
		Mono<?> amount = (minor != current.total()) ? this.client.invoices().updateAmount(current.id(), minor) : Mono.empty();
		Instant due = wanted.dueDate();
		Mono<?> dueDate = (due != null && !Objects.equals(due.getEpochSecond(), current.dueDate()))
				? this.client.invoices().update(current.id(), new StripeInvoiceParams(null, null, null, null, null, due, null,
						null, null))
				: Mono.empty();
		return amount.then(dueDate).then();
	}

	@Override
	public Mono<Void> delete(String remoteId) {
		return this.client.invoices().get(remoteId).filter(StripeInvoiceFields::live).flatMap((invoice) -> switch (invoice.status()) {
			case "draft" -> this.client.invoices().delete(remoteId);
			case "open", "uncollectible" -> this.client.invoices()
				.moveTo(remoteId, invoice.status(), "void", IdempotencyKey.forEvent("invoice", remoteId, 0, "DELETE"))
				.then(markDeleted(remoteId));
			default -> markDeleted(remoteId);
		});
	}

	@Override
	public boolean changeFeed() {
		return true;
	}

	@Override
	public Flux<RemoteChange> modifiedSince(Instant since) {
		return StripeChangeFeed.ascending(this.client.events().invoices(since, 100), StripeInvoiceFields::toRemote,
				(invoice) -> !StripeInvoiceFields.live(invoice));
	}

	/**
	 * The invoice as Stripe holds it now. Stripe objects carry no modification time and the Events
	 * API cannot be filtered by object, so the time of this read stands for it: the state is at
	 * least as new as every event before the read. A deleted draft is gone at Stripe and completes
	 * empty; a voided or marked one reads as deleted.
	 */
	@Override
	public Mono<RemoteChange> current(String remoteId) {
		return this.client.invoices().get(remoteId).map((invoice) -> new RemoteChange(StripeInvoiceFields.toRemote(invoice),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), !StripeInvoiceFields.live(invoice)));
	}

	@Override
	public Mono<Void> ping() {
		return this.client.invoices().list(StripePageRequest.first(1), null, null).then();
	}

	private Mono<Void> markDeleted(String remoteId) {
		return this.client.invoices().update(remoteId, StripeInvoiceFields.deletedMarker()).then();
	}

	private static void checkChange(StripeInvoice current, StripeInvoiceFields wanted, String target) {
		if (!current.status().equals("draft")) {
			if (wanted.fixedFieldsDiffer(current)) {
				throw new CatalogException("Stripe invoice " + current.id() + " is " + current.status()
						+ ": only drafts can change their customer or currency");
			}
			BigDecimal amount = wanted.amount(current);
			Instant due = wanted.dueDate();
			boolean amountChanged = StripeAmounts.toMinor(amount, current.currency()) != current.total();
			boolean dueChanged = due != null && !Objects.equals(due.getEpochSecond(), current.dueDate());
			if (amountChanged || dueChanged) {
				throw new CatalogException("Stripe invoice " + current.id() + " is " + current.status()
						+ ": only drafts can change " + (amountChanged ? "their amount" : "their due date"));
			}
		}
		try {
			StripeInvoiceAction.between(current.status(), target);
		}
		catch (IllegalArgumentException ex) {
			throw new CatalogException("Stripe invoice " + current.id() + ": " + ex.getMessage());
		}
	}

	private static String value(List<RemoteCondition> conditions, String path) {
		return conditions.stream().filter((c) -> c.path().equals(path)).map((c) -> (String) c.value()).findFirst().orElse(null);
	}
}
