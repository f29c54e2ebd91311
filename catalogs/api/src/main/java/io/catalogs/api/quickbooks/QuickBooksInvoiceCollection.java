package io.catalogs.api.quickbooks;

import io.catalogs.api.JsonEnvelope;
import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.MappingException;
import io.catalogs.api.mapping.RemotePath;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.mapping.RemoteValueType;
import io.catalogs.client.quickbooks.QuickBooksClient;
import io.catalogs.client.quickbooks.QuickBooksDeletion;
import io.catalogs.client.quickbooks.QuickBooksInvoice;
import io.catalogs.client.quickbooks.QuickBooksInvoice.Line;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * QuickBooks Online invoices as a {@link RemoteCollection}: paths {@code DocNumber},
 * {@code CustomerRef.value}, {@code Line.Amount} (the amount of the invoice's one sales line, of the
 * configured {@code invoice-item-id}), {@code CurrencyRef.value}, {@code TxnDate}, {@code DueDate},
 * the keys of the JSON object in {@code PrivateNote} ({@code PrivateNote.<key>}) and the read-only
 * {@code TotalAmt}, {@code Balance}, {@code MetaData.CreateTime}/{@code LastUpdatedTime}.
 *
 * <p>QuickBooks has no invoice status and keeps dates without time: the shipped mapping keeps the
 * status and the exact {@code issuedAt}/{@code dueAt} in {@code PrivateNote}, and this collection
 * mirrors the two times, as UTC dates, into {@code TxnDate}/{@code DueDate} unless a mapping writes
 * those itself. Creates carry the idempotency key as {@code requestid}; updates are sparse at the
 * SyncToken just read; deletes are {@code operation=delete}. The change feed lists by
 * {@code MetaData.LastUpdatedTime} and takes deletions from change data capture, which reaches back
 * 30 days.
 */
final class QuickBooksInvoiceCollection extends QuickBooksEntityCollection<QuickBooksInvoice> {

	static final String ENVELOPE = "PrivateNote";

	private static final int NOTE_LENGTH = 4000;

	private static final Duration CDC_REACH = Duration.ofDays(30);

	private static final Map<String, String> QUERYABLE = Map.of("DocNumber", "DocNumber", "CustomerRef.value", "CustomerRef");

	static final RemoteSchema SCHEMA = RemoteSchema.of("QuickBooks invoice",
			RemotePath.writable("DocNumber", RemoteValueType.TEXT).withMaxLength(21),
			RemotePath.writable("CustomerRef.value", RemoteValueType.TEXT),
			RemotePath.writable("Line.Amount", RemoteValueType.DECIMAL),
			RemotePath.writable("CurrencyRef.value", RemoteValueType.TEXT).withMaxLength(3),
			RemotePath.writable("TxnDate", RemoteValueType.DATE),
			RemotePath.writable("DueDate", RemoteValueType.DATE),
			RemotePath.anyKeyBelow(ENVELOPE, RemoteValueType.TEXT, 0),
			RemotePath.readOnly("TotalAmt", RemoteValueType.DECIMAL),
			RemotePath.readOnly("Balance", RemoteValueType.DECIMAL),
			RemotePath.readOnly("MetaData.CreateTime", RemoteValueType.TIMESTAMP),
			RemotePath.readOnly("MetaData.LastUpdatedTime", RemoteValueType.TIMESTAMP));

	private final String itemId;

	private final QuickBooksChangeFeed<QuickBooksInvoice> feed;

	QuickBooksInvoiceCollection(QuickBooksClient client, int pageSize) {
		super(client.invoices(), pageSize, QUERYABLE, QuickBooksInvoice::id, QuickBooksInvoice::syncToken);
		this.itemId = client.invoiceItemId();
		this.feed = new QuickBooksChangeFeed<>(this.entities, null,
				(invoice) -> new RemoteChange(toRemote(invoice), lastUpdated(invoice), false), this.pageSize);
	}

	@Override
	public RemoteSchema schema() {
		return SCHEMA;
	}

	@Override
	public Mono<RemoteObject> get(String remoteId) {
		return this.entities.get(remoteId).map(QuickBooksInvoiceCollection::toRemote);
	}

	@Override
	public Flux<RemoteObject> list(List<RemoteCondition> conditions) {
		return this.entities.all(where(conditions), this.pageSize).map(QuickBooksInvoiceCollection::toRemote);
	}

	@Override
	public Mono<Void> delete(String remoteId) {
		return this.entities.get(remoteId)
			.flatMap((current) -> this.entities.operation("delete", remoteId, current.syncToken()));
	}

	@Override
	public Flux<RemoteChange> modifiedSince(Instant since) {
		Flux<RemoteChange> deletions = deletedSince(since).sort(QuickBooksChangeFeed.order());
		return Flux.mergeComparing(QuickBooksChangeFeed.order(), this.feed.since(since), deletions);
	}

	@Override
	public Mono<RemoteChange> current(String remoteId) {
		return this.entities.get(remoteId)
			.map((invoice) -> new RemoteChange(toRemote(invoice), lastUpdated(invoice), false))
			.switchIfEmpty(Mono.defer(() -> deletedSince(Instant.EPOCH)
				.filter((change) -> change.remoteId().equals(remoteId))
				.next()));
	}

	/** Deletions at or after {@code since}, as far back as change data capture reaches. */
	private Flux<RemoteChange> deletedSince(Instant since) {
		Instant reach = Instant.now().minus(CDC_REACH).plusSeconds(60);
		Instant from = since.isBefore(reach) ? reach : since;
		return this.entities.deletedSince(from.atOffset(ZoneOffset.UTC))
			.map(QuickBooksInvoiceCollection::deletion)
			.filter((change) -> !change.modifiedAt().isBefore(since));
	}

	private static RemoteChange deletion(QuickBooksDeletion deleted) {
		return new RemoteChange(new RemoteObject(deleted.id(), Map.of()), deleted.deletedAt().toInstant(), true);
	}

	@Override
	QuickBooksInvoice entity(Map<String, Object> fields, String id, String syncToken) {
		Map<String, Object> envelope = JsonEnvelope.below(ENVELOPE, fields);
		String note = JsonEnvelope.pack(envelope);
		if (note != null && note.length() > NOTE_LENGTH) {
			throw new MappingException("the values kept in the QuickBooks PrivateNote take " + note.length()
					+ " characters, more than its " + NOTE_LENGTH);
		}
		BigDecimal amount = (BigDecimal) fields.get("Line.Amount");
		if (id == null && amount == null) {
			throw new MappingException("a QuickBooks invoice needs an amount (path Line.Amount)");
		}
		String customer = (String) fields.get("CustomerRef.value");
		String currency = (String) fields.get("CurrencyRef.value");
		LocalDate txnDate = date(fields, envelope, "TxnDate", "issuedAt");
		LocalDate dueDate = date(fields, envelope, "DueDate", "dueAt");
		QuickBooksInvoice invoice = QuickBooksInvoice.of((String) fields.get("DocNumber"), customer, this.itemId,
				(amount != null) ? amount : BigDecimal.ZERO, currency, txnDate, dueDate, (note != null) ? note : "");
		if (id == null) {
			return invoice;
		}
		return new QuickBooksInvoice(id, syncToken, invoice.docNumber(), (customer != null) ? invoice.customerRef() : null,
				txnDate, dueDate, invoice.currencyRef(), (amount != null) ? invoice.lines() : null, null, null,
				invoice.privateNote(), null, true);
	}

	/** The date at {@code path}, or the UTC date of the exact time the envelope keeps under {@code key}. */
	private static LocalDate date(Map<String, Object> fields, Map<String, Object> envelope, String path, String key) {
		if (fields.containsKey(path)) {
			return (LocalDate) fields.get(path);
		}
		Object exact = envelope.get(key);
		return (exact != null) ? LocalDate.ofInstant(Instant.parse(exact.toString()), ZoneOffset.UTC) : null;
	}

	private static Instant lastUpdated(QuickBooksInvoice invoice) {
		return (invoice.metaData() != null && invoice.metaData().lastUpdatedTime() != null)
				? invoice.metaData().lastUpdatedTime().toInstant() : Instant.EPOCH;
	}

	static RemoteObject toRemote(QuickBooksInvoice invoice) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("DocNumber", invoice.docNumber());
		fields.put("CustomerRef.value", (invoice.customerRef() != null) ? invoice.customerRef().value() : null);
		fields.put("Line.Amount", salesLineAmount(invoice));
		fields.put("CurrencyRef.value", (invoice.currencyRef() != null) ? invoice.currencyRef().value() : null);
		fields.put("TxnDate", invoice.txnDate());
		fields.put("DueDate", invoice.dueDate());
		JsonEnvelope.unpack(invoice.privateNote()).forEach((key, value) -> fields.put(ENVELOPE + "." + key, value));
		fields.put("TotalAmt", invoice.totalAmt());
		fields.put("Balance", invoice.balance());
		if (invoice.metaData() != null) {
			fields.put("MetaData.CreateTime", (invoice.metaData().createTime() != null)
					? invoice.metaData().createTime().toInstant() : null);
			fields.put("MetaData.LastUpdatedTime", (invoice.metaData().lastUpdatedTime() != null)
					? invoice.metaData().lastUpdatedTime().toInstant() : null);
		}
		return new RemoteObject(invoice.id(), fields);
	}

	/** The amount of the first sales line (QuickBooks adds a subtotal line of its own when reading). */
	private static BigDecimal salesLineAmount(QuickBooksInvoice invoice) {
		if (invoice.lines() == null) {
			return null;
		}
		return invoice.lines().stream().filter((line) -> "SalesItemLineDetail".equals(line.detailType()))
			.map(Line::amount).findFirst().orElse(null);
	}
}
