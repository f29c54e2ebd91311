package io.catalogs.gateway.sync;

import reactor.core.Disposable;

import org.springframework.context.SmartLifecycle;

/**
 * A reactive loop that runs while the application context runs: started once with the context
 * (and again after a stop, as test contexts are paused and resumed), disposed when it stops.
 * Subclasses say only how to launch the loop.
 */
abstract class BackgroundLoop implements SmartLifecycle {

	private Disposable running;

	/** Subscribe the loop; what this returns is disposed on {@link #stop()}. */
	protected abstract Disposable launch();

	@Override
	public synchronized void start() {
		if (this.running == null) {
			this.running = launch();
		}
	}

	@Override
	public synchronized void stop() {
		if (this.running != null) {
			this.running.dispose();
			this.running = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running != null;
	}
}
