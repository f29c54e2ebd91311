package io.catalogs.mongo;

import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.schema.EntityTypes;

import java.util.UUID;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoErrorTranslatorTests {

	private final MongoErrorTranslator translator = new MongoErrorTranslator("mongo");

	@Test
	void translatesUnreachableServersToRetriableUnavailability() {
		MongoTimeoutException timeout = new MongoTimeoutException("Timed out while waiting for a server at db:27017");
		MongoSocketOpenException socket = new MongoSocketOpenException("refused", new ServerAddress("db", 27017));

		assertThat(this.translator.translate(timeout)).isInstanceOf(CatalogUnavailableException.class)
			.hasCause(timeout)
			.hasMessage("catalog 'mongo' is unavailable");
		assertThat(this.translator.translate(socket)).isInstanceOf(CatalogUnavailableException.class).hasCause(socket);
	}

	@Test
	void translatesOtherServerErrorsWithoutTheDriverMessage() {
		MongoCommandException failure = new MongoCommandException(new BsonDocument("ok", new BsonInt32(0))
			.append("code", new BsonInt32(2))
			.append("errmsg", new BsonString("secret detail")), new ServerAddress("db", 27017));

		Throwable translated = this.translator.translate(failure);

		assertThat(translated).isExactlyInstanceOf(CatalogException.class).hasCause(failure);
		assertThat(translated.getMessage()).doesNotContain("secret detail").contains("mongo", "2");
	}

	@Test
	void passesCatalogAndArgumentErrorsUnchanged() {
		EntityNotFoundException notFound = new EntityNotFoundException(EntityTypes.CUSTOMER, UUID.randomUUID());
		IllegalArgumentException badValue = new IllegalArgumentException("not a DECIMAL value");

		assertThat(this.translator.translate(notFound)).isSameAs(notFound);
		assertThat(this.translator.translate(badValue)).isSameAs(badValue);
	}

	@Test
	void recognisesDuplicateKeys() {
		MongoWriteException duplicate = new MongoWriteException(
				new WriteError(11000, "E11000 duplicate key", new BsonDocument()), new ServerAddress("db", 27017),
				java.util.Set.of());
		MongoWriteException other = new MongoWriteException(new WriteError(121, "validation", new BsonDocument()),
				new ServerAddress("db", 27017), java.util.Set.of());

		assertThat(MongoErrorTranslator.isDuplicateKey(duplicate)).isTrue();
		assertThat(MongoErrorTranslator.isDuplicateKey(other)).isFalse();
		assertThat(MongoErrorTranslator.isDuplicateKey(new MongoTimeoutException("timeout"))).isFalse();
	}
}
