package com.dealerdesk.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import one.profiler.AsyncProfiler;

/**
 * async-profiler in the API's JVM ({@code -Dprofile=dir}): its agent is loaded at the
 * API's start and idle; for each measured window of the operations chosen
 * ({@code -Dprofile-op=name,…}, default all; {@code subscribers} for subscription
 * delivery, written as {@code subscribers-<count>.html}) the bench starts it with
 * {@code jcmd} and stops it writing an HTML flame graph
 * {@code dir/<operation>-<clients>c.html}. CPU samples come from perf events where the
 * kernel allows them, else from {@code itimer} ({@code -Dprofile-event=} overrides the
 * choice, {@code -Dprofile-interval=} the sampling period, default 1 ms).
 */
final class Profiler {

	private final Path library;

	private final Path directory;

	private final String event;

	private final String interval;

	private final List<String> operations;

	private Profiler(Path library, Path directory, String event, String interval, List<String> operations) {
		this.library = library;
		this.directory = directory;
		this.event = event;
		this.interval = interval;
		this.operations = operations;
	}

	/** Empty unless {@code -Dprofile=dir} is given. */
	static Optional<Profiler> fromProperties() throws IOException {
		String dir = System.getProperty("profile");
		if (dir == null || dir.isBlank()) {
			return Optional.empty();
		}
		Path directory = Files.createDirectories(Path.of(dir).toAbsolutePath());
		Path library = extractLibrary();
		String event = System.getProperty("profile-event", perfEventsWork(library) ? "cpu" : "itimer");
		String only = System.getProperty("profile-op", "");
		return Optional.of(new Profiler(library, directory, event, System.getProperty("profile-interval", "1ms"),
				only.isBlank() ? List.of() : List.of(only.split(","))));
	}

	/** The Linux x86-64 agent shipped in the async-profiler jar, copied to a file. */
	private static Path extractLibrary() throws IOException {
		try (InputStream in = Profiler.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
			if (in == null) {
				throw new IllegalStateException("libasyncProfiler.so is not on the bench's class path");
			}
			Path library = Files.createTempFile("libasyncProfiler-", ".so");
			Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
			library.toFile().deleteOnExit();
			return library;
		}
	}

	/**
	 * Whether perf events can be opened here (containers and perf_event_paranoid often
	 * forbid them): tried in the bench's own JVM, which runs on the same kernel.
	 */
	private static boolean perfEventsWork(Path library) {
		try {
			AsyncProfiler profiler = AsyncProfiler.getInstance(library.toString());
			profiler.execute("start,event=cpu,interval=10ms");
			profiler.execute("stop");
			return true;
		}
		catch (IOException | RuntimeException | UnsatisfiedLinkError ex) {
			System.out.println("perf events are not available (" + ex.getMessage() + "): profiling with itimer");
			return false;
		}
	}

	/** The options that load the agent, idle, into the API's JVM at its start. */
	List<String> jvmOptions() {
		// DebugNonSafepoints: frames attributed to the inlined method that ran
		return List.of("-agentpath:" + this.library, "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints");
	}

	boolean wants(String operation) {
		return this.operations.isEmpty() || this.operations.contains(operation);
	}

	String describe() {
		return "async-profiler 4.2, event " + this.event + ", interval " + this.interval + ", flame graphs in "
				+ this.directory;
	}

	void start(ProcessHandle api) throws IOException, InterruptedException {
		command(api, "start,event=" + this.event + ",interval=" + this.interval);
	}

	/**
	 * Stops the profiler and writes the flame graph of what it sampled since start, and
	 * the same samples as collapsed stacks ({@code <name>.collapsed}, a line per stack
	 * and its count) for reading with text tools.
	 */
	Path stop(ProcessHandle api, String name) throws IOException, InterruptedException {
		String base = name.replaceAll("[^A-Za-z0-9._-]", "_");
		command(api, "dump,collapsed,file=" + this.directory.resolve(base + ".collapsed"));
		Path file = this.directory.resolve(base + ".html");
		command(api, "stop,file=" + file);
		return file;
	}

	/**
	 * Loading the agent again hands it the command: this is how async-profiler's own
	 * launcher talks to a running JVM. Quoted, or jcmd would take {@code event=…} for an
	 * option of its own.
	 */
	private void command(ProcessHandle api, String arguments) throws IOException, InterruptedException {
		List<String> jcmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(api.pid()), "JVMTI.agent_load", this.library.toString(), '"' + arguments + '"'));
		Process process = new ProcessBuilder(jcmd).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0 || !output.contains("return code: 0")) {
			throw new IllegalStateException("jcmd " + arguments + ": " + output.trim());
		}
	}

}
