package io.catalogs.mongo;

import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogUnavailableException;

import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoConfigurationException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoStalePrimaryException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import org.bson.BSONException;
import org.bson.codecs.configuration.CodecConfigurationException;

/**
 * Translates the driver's exceptions into the catalog SPI's, by what the caller should do: failures
 * to reach the server in time (server selection, sockets, pool, fail-over, shutdown, authentication) become the
 * retriable {@link CatalogUnavailableException}; values the driver cannot encode become
 * {@link IllegalArgumentException}; any other server error becomes a {@link CatalogException}
 * naming its code. The driver's exception is kept as the cause and its message never surfaces.
 */
final class MongoErrorTranslator {

	/** MongoDB's duplicate key error. */
	static final int DUPLICATE_KEY = 11000;

	/** Server error codes that mean "this node cannot serve you right now"; a retry may succeed. */
	private static final Set<Integer> TRANSIENT_CODES = Set.of(6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602,
			13435, 13436);

	private final String catalog;

	MongoErrorTranslator(String catalog) {
		this.catalog = catalog;
	}

	/** Whether {@code error} is the server refusing a second document with the same key. */
	static boolean isDuplicateKey(Throwable error) {
		if (error instanceof MongoWriteException write) {
			return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
		}
		return error instanceof MongoServerException server && server.getCode() == DUPLICATE_KEY;
	}

	/** Whether {@code error} means the store could not be reached or did not answer in time. */
	static boolean isUnavailable(Throwable error) {
		if (error instanceof CatalogUnavailableException) {
			return true;
		}
		if (error instanceof MongoTimeoutException || error instanceof MongoSocketException
				|| error instanceof MongoExecutionTimeoutException || error instanceof MongoNotPrimaryException
				|| error instanceof MongoNodeIsRecoveringException || error instanceof MongoStalePrimaryException
				|| error instanceof MongoInterruptedException || error instanceof MongoSecurityException
				|| error instanceof MongoServerUnavailableException
				|| error instanceof MongoConnectionPoolClearedException
				|| error instanceof MongoConfigurationException) {
			return true;
		}
		if (error instanceof MongoException mongo) {
			return mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
					|| mongo.hasErrorLabel("RetryableWriteError") || TRANSIENT_CODES.contains(mongo.getCode());
		}
		return false;
	}

	/** The SPI exception for a failure of this catalog; SPI and argument exceptions pass unchanged. */
	Throwable translate(Throwable error) {
		if (error instanceof CatalogException || error instanceof IllegalArgumentException) {
			return error;
		}
		if (isUnavailable(error)) {
			return new CatalogUnavailableException(this.catalog, error);
		}
		if (error instanceof CodecConfigurationException || error instanceof BSONException) {
			return new IllegalArgumentException("a value cannot be stored in catalog '" + this.catalog + "'", error);
		}
		if (error instanceof MongoException mongo) {
			return new CatalogException("catalog '" + this.catalog + "' failed with store error " + mongo.getCode(),
					error);
		}
		return error;
	}
}
