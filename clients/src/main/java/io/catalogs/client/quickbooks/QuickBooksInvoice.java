package io.catalogs.client.quickbooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A QuickBooks Online Invoice (only the fields the gateway maps). Its amount is the sum of its
 * lines: the client writes one {@code SalesItemLineDetail} line. QuickBooks has no invoice status
 * field: paid is {@code Balance == 0}, voided invoices have a zero total and a "Voided" private
 * note; there are no drafts.
 *
 * @param id QuickBooks id ({@code null} on create)
 * @param syncToken the version checked on update, {@code null} on create
 * @param docNumber the invoice number (up to 21 characters), queryable
 * @param customerRef the customer's id
 * @param txnDate the invoice date
 * @param dueDate the due date
 * @param currencyRef the currency (multicurrency companies; others use the home currency)
 * @param lines the lines
 * @param totalAmt the total, computed by QuickBooks
 * @param balance what is still owed
 * @param privateNote internal note: the catalog keeps our id and version here
 * @param metaData creation and last update times
 * @param sparse {@code true} on updates
 */
public record QuickBooksInvoice(@JsonProperty("Id") String id, @JsonProperty("SyncToken") String syncToken,
		@JsonProperty("DocNumber") String docNumber, @JsonProperty("CustomerRef") Ref customerRef,
		@JsonProperty("TxnDate") LocalDate txnDate, @JsonProperty("DueDate") LocalDate dueDate,
		@JsonProperty("CurrencyRef") Ref currencyRef, @JsonProperty("Line") List<Line> lines,
		@JsonProperty("TotalAmt") BigDecimal totalAmt, @JsonProperty("Balance") BigDecimal balance,
		@JsonProperty("PrivateNote") String privateNote, @JsonProperty("MetaData") QuickBooksMetaData metaData,
		@JsonProperty("sparse") Boolean sparse) {

	/** A new invoice of one line of {@code amount} for item {@code itemId}. */
	public static QuickBooksInvoice of(String docNumber, String customerId, String itemId, BigDecimal amount, String currency,
			LocalDate txnDate, LocalDate dueDate, String privateNote) {
		return new QuickBooksInvoice(null, null, docNumber, new Ref(customerId), txnDate, dueDate,
				(currency != null) ? new Ref(currency) : null, List.of(Line.of(amount, itemId)), null, null, privateNote, null, null);
	}

	/** This invoice as a sparse update of record {@code id} at {@code syncToken}. */
	public QuickBooksInvoice asUpdateOf(String id, String syncToken) {
		return new QuickBooksInvoice(id, syncToken, this.docNumber, this.customerRef, this.txnDate, this.dueDate,
				this.currencyRef, this.lines, null, null, this.privateNote, null, true);
	}

	/** A reference to another entity ({@code {"value": "58"}}). */
	public record Ref(@JsonProperty("value") String value) {
	}

	/** An invoice line. */
	public record Line(@JsonProperty("Amount") BigDecimal amount, @JsonProperty("DetailType") String detailType,
			@JsonProperty("SalesItemLineDetail") SalesItemLineDetail detail) {

		static Line of(BigDecimal amount, String itemId) {
			return new Line(amount, "SalesItemLineDetail", new SalesItemLineDetail(new Ref(itemId)));
		}
	}

	/** The item a sales line sells. */
	public record SalesItemLineDetail(@JsonProperty("ItemRef") Ref itemRef) {
	}
}
