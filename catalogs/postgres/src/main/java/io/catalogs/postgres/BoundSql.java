package io.catalogs.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * One SQL statement and the values of its positional parameters ({@code $1}, {@code $2}, ...).
 * Values are always bound, never written into the text; a {@code null} value is an
 * {@link org.springframework.r2dbc.core.Parameter} that carries its type.
 *
 * @param sql the statement text
 * @param parameters the value of {@code $n} at index {@code n - 1}
 */
record BoundSql(String sql, List<Object> parameters) {

	BoundSql {
		parameters = List.copyOf(parameters);
	}

	/** A statement with the given non-null parameter values. */
	static BoundSql of(String sql, Object... parameters) {
		return new BoundSql(sql, List.of(parameters));
	}

	/** Collects the parameters of a statement while its text is written. */
	static final class Parameters {

		private final List<Object> values = new ArrayList<>();

		/** Add a parameter; returns its placeholder to write into the text. */
		String bind(Object value) {
			this.values.add(value);
			return "$" + this.values.size();
		}

		/** The statement with the parameters collected so far. */
		BoundSql toSql(String sql) {
			return new BoundSql(sql, this.values);
		}
	}
}
