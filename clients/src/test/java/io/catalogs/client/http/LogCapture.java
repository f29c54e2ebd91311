package io.catalogs.client.http;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Collects what {@link VendorHttpClient} logs, for tests that check what is logged (and what is not thrown). */
public final class LogCapture implements AutoCloseable {

	private final Logger logger = (Logger) LoggerFactory.getLogger(VendorHttpClient.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LogCapture() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	public static LogCapture start() {
		return new LogCapture();
	}

	public List<String> messages() {
		synchronized (this.appender) {
			return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		}
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
	}
}
