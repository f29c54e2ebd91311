package io.catalogs.postgres;

import io.catalogs.schema.Customer;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ListingStatementsTests {

	private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private final TableMapping customers = TableMapping.of(EntityTypes.CUSTOMER, "app", "customers",
			JsonMapper.builder().build());

	private final TableMapping invoices = TableMapping.of(EntityTypes.INVOICE, "app", "invoices",
			JsonMapper.builder().build());

	@Test
	void readsOneRowMoreThanTheLimitInTheDefaultOrder() {
		BoundSql sql = ListingStatements.page(this.customers, PageRequest.first(5));
		assertThat(sql.sql()).isEqualTo("SELECT * FROM \"app\".\"customers\" WHERE NOT deleted"
				+ " ORDER BY \"created_at\" ASC NULLS FIRST, id ASC LIMIT $1");
		assertThat(sql.parameters()).containsExactly(6);
	}

	@Test
	void readsBackwardWindowsInTheReversedOrder() {
		BoundSql sql = ListingStatements.page(this.customers, PageRequest.first(5).fromEnd());
		assertThat(sql.sql()).endsWith(" ORDER BY \"created_at\" DESC NULLS LAST, id DESC LIMIT $1");
	}

	@Test
	void bindsConditionValuesAndComparesTextByCodePoint() {
		Instant at = Instant.parse("2024-03-01T10:15:30.123Z");
		BoundSql sql = ListingStatements.page(this.customers, PageRequest.first(5)
			.where(Condition.eq(Customer.EMAIL, "a@b.c"), Condition.gt(Customer.NAME, "M"),
					Condition.lte(EntityType.UPDATED_AT, at)));
		assertThat(sql.sql()).contains("WHERE NOT deleted AND \"email\" = $1 AND \"name\" COLLATE \"C\" > $2"
				+ " AND \"updated_at\" <= $3 ORDER BY");
		assertThat(sql.parameters()).containsExactly("a@b.c", "M", at, 6);
	}

	@Test
	void containsMatchesWildcardsLiterally() {
		BoundSql sql = ListingStatements.page(this.customers,
				PageRequest.first(5).where(Condition.contains(Customer.NAME, "50%_off\\")));
		assertThat(sql.sql()).contains("\"name\" ILIKE $1");
		assertThat(sql.parameters().get(0)).isEqualTo("%50\\%\\_off\\\\%");
	}

	@Test
	void afterACursorAscendingComparesValueAndIdTogether() {
		Cursor cursor = new Cursor("Ada", ID);
		String predicate = ListingStatements.after(this.customers, Sort.asc(Customer.NAME), cursor,
				new BoundSql.Parameters());
		assertThat(predicate).isEqualTo("(\"name\" COLLATE \"C\", id) > ($2, $1)");
	}

	@Test
	void afterACursorDescendingOnARequiredFieldIsARange() {
		Cursor cursor = new Cursor("Ada", ID);
		String predicate = ListingStatements.after(this.customers, Sort.desc(Customer.NAME), cursor,
				new BoundSql.Parameters());
		assertThat(predicate).isEqualTo("(\"name\" COLLATE \"C\", id) < ($2, $1)");
	}

	@Test
	void afterACursorDescendingOnAnOptionalFieldAlsoTakesTheMissingValuesThatComeLast() {
		Cursor cursor = new Cursor("+44", ID);
		String predicate = ListingStatements.after(this.customers, Sort.desc(Customer.PHONE), cursor,
				new BoundSql.Parameters());
		assertThat(predicate).isEqualTo("((\"phone\" COLLATE \"C\", id) < ($2, $1) OR \"phone\" IS NULL)");
	}

	@Test
	void afterACursorWithoutValueAscendingTakesLaterMissingValuesAndEveryValue() {
		String predicate = ListingStatements.after(this.customers, Sort.asc(Customer.PHONE), new Cursor(null, ID),
				new BoundSql.Parameters());
		assertThat(predicate).isEqualTo("(\"phone\" IS NOT NULL OR id > $1)");
	}

	@Test
	void afterACursorWithoutValueDescendingTakesOnlyLaterMissingValues() {
		String predicate = ListingStatements.after(this.customers, Sort.desc(Customer.PHONE), new Cursor(null, ID),
				new BoundSql.Parameters());
		assertThat(predicate).isEqualTo("(\"phone\" IS NULL AND id < $1)");
	}

	@Test
	void beforeACursorIsAfterItInTheReversedOrder() {
		BoundSql sql = ListingStatements.page(this.customers,
				PageRequest.first(5).before(new Cursor(Instant.EPOCH, ID)).fromEnd());
		assertThat(sql.sql()).contains("WHERE NOT deleted AND (\"created_at\", id) < ($2, $1)"
				+ " ORDER BY \"created_at\" DESC NULLS LAST");
		assertThat(sql.parameters()).containsExactly(ID, Instant.EPOCH, 6);
	}

	@Test
	void groupedWindowsAreOneStatementNumberingRowsPerGroup() {
		UUID other = UUID.randomUUID();
		BoundSql sql = ListingStatements.grouped(this.invoices, Invoice.CUSTOMER_ID, List.of(ID, other, ID),
				PageRequest.first(2).where(Condition.eq(Invoice.STATUS, "OPEN")));
		assertThat(sql.sql()).isEqualTo("SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY \"customer_id\""
				+ " ORDER BY \"created_at\" ASC NULLS FIRST, id ASC) AS window_row FROM \"app\".\"invoices\""
				+ " WHERE \"customer_id\" = ANY($1) AND NOT deleted AND \"status\" = $2) windows"
				+ " WHERE window_row <= $3 ORDER BY window_row");
		assertThat(sql.parameters().get(0)).isEqualTo(new UUID[] { ID, other });
		assertThat(sql.parameters()).endsWith("OPEN", 3);
	}
}
