package io.catalogs.postgres;

import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogUnavailableException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import reactor.pool.PoolShutdownException;

/**
 * Turns the errors of the driver, the pool, Spring's data access layer and the migrations into the
 * catalog SPI's exceptions, so that no driver exception escapes the catalog: a store that cannot be
 * reached or answer in time becomes {@link CatalogUnavailableException} (retriable), any other
 * driver failure a plain {@link CatalogException} naming only the SQL state. The driver's error is
 * always kept as the cause.
 */
final class PostgresExceptionTranslator {

	private static final String UNIQUE_VIOLATION = "23505";

	private final String catalog;

	PostgresExceptionTranslator(String catalog) {
		this.catalog = catalog;
	}

	/** The SPI exception for {@code error}; the catalog's own and argument errors are kept as they are. */
	Throwable translate(Throwable error) {
		if (error instanceof CatalogException || error instanceof IllegalArgumentException) {
			return error;
		}
		if (isUnavailable(error)) {
			return new CatalogUnavailableException(this.catalog, error);
		}
		String sqlState = sqlState(error);
		return new CatalogException("catalog '" + this.catalog + "' failed to run a statement"
				+ ((sqlState != null) ? " (SQL state " + sqlState + ")" : ""), error);
	}

	/** Whether the error is a violated unique constraint (for a primary key: the id exists). */
	static boolean isUniqueViolation(Throwable error) {
		return UNIQUE_VIOLATION.equals(sqlState(error));
	}

	/** Whether the error says the store could not be reached, or did not answer in time. */
	static boolean isUnavailable(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof CatalogUnavailableException || cause instanceof TransientDataAccessException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof R2dbcTransientException
					|| cause instanceof R2dbcNonTransientResourceException || cause instanceof TimeoutException
					|| cause instanceof IOException || cause instanceof PoolShutdownException
					|| cause instanceof SQLTransientException || cause instanceof SQLNonTransientConnectionException
					|| isUnavailableState(ownSqlState(cause))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Connection exceptions (class 08), insufficient resources (53), operator intervention such as
	 * a shutting-down server (57P) and a cancelled statement, which is how a statement timeout ends (57014).
	 */
	private static boolean isUnavailableState(String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
				|| sqlState.startsWith("57P") || sqlState.equals("57014"));
	}

	private static String sqlState(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			String state = ownSqlState(cause);
			if (state != null) {
				return state;
			}
		}
		return null;
	}

	private static String ownSqlState(Throwable error) {
		if (error instanceof R2dbcException r2dbc) {
			return r2dbc.getSqlState();
		}
		return (error instanceof SQLException sql) ? sql.getSQLState() : null;
	}
}
