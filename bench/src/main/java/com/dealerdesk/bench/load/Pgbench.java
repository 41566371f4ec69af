package com.dealerdesk.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.dealerdesk.bench.DealerDeskProcess;
import com.dealerdesk.bench.ResourceSampler;
import org.HdrHistogram.Histogram;

/**
 * The same data by hand-written SQL: PostgreSQL's pgbench runs a script of
 * bench/src/main/resources/pgbench/ with prepared statements ({@code -M prepared}), as
 * many clients as the API had, a warm-up run and then the measured one, logging each
 * transaction's latency so that its median and p99 are read as the API's are.
 */
final class Pgbench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private final Path executable;

	private final URI database;

	private final List<String> defines;

	private final Path scripts;

	private Pgbench(Path executable, URI database, List<String> defines, Path scripts) {
		this.executable = executable;
		this.database = database;
		this.defines = defines;
		this.scripts = scripts;
	}

	/**
	 * Empty when pgbench is not installed ({@code -Dpgbench=} names it; Debian's
	 * postgresql-client package has it).
	 */
	static Optional<Pgbench> find(DealerDeskProcess api, Samples samples) throws IOException {
		Path executable = Path.of(System.getProperty("pgbench", "/usr/bin/pgbench"));
		if (!Files.isExecutable(executable)) {
			return Optional.empty();
		}
		Path scripts = Files.createTempDirectory("dealerdesk-pgbench-");
		return Optional.of(new Pgbench(executable, URI.create(api.databaseUrl()), samples.pgbenchDefines(), scripts));
	}

	String version() throws IOException, InterruptedException {
		Process process = new ProcessBuilder(this.executable.toString(), "--version").redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes()).trim();
		process.waitFor();
		return output;
	}

	Result run(String script, int clients, Duration warmUp, Duration measure, DealerDeskProcess api,
			com.dealerdesk.bench.Database database) throws IOException, InterruptedException, java.sql.SQLException {
		Path file = this.scripts.resolve(script);
		try (InputStream in = Pgbench.class.getResourceAsStream("/pgbench/" + script)) {
			if (in == null) {
				throw new IllegalStateException("no pgbench script " + script);
			}
			Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		if (!warmUp.isZero()) {
			invoke(file, clients, warmUp, null);
		}
		Path logs = Files.createTempDirectory(this.scripts, "log-");
		String output;
		ResourceSampler.Usage usage;
		try (ResourceSampler sampler = new ResourceSampler(database, api.handle(), api.postgres().orElse(null))) {
			output = invoke(file, clients, measure, logs);
			usage = sampler.usage();
		}
		Matcher tps = TPS.matcher(output);
		Histogram latencyMicros = new Histogram(3);
		long failed = 0;
		try (Stream<Path> files = Files.list(logs)) {
			for (Path log : files.toList()) {
				for (String line : Files.readAllLines(log)) {
					// client_id transaction_no latency_us script_no epoch epoch_us
					String[] fields = line.split(" ");
					if (fields[2].equals("failed") || fields[2].equals("skipped")) {
						failed++;
					}
					else {
						latencyMicros.recordValue(Long.parseLong(fields[2]));
					}
				}
			}
		}
		deleteAll(logs);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench " + script + " printed no tps:\n" + output);
		}
		return new Result(Double.parseDouble(tps.group(1)), latencyMicros.getValueAtPercentile(50) / 1000.0,
				latencyMicros.getValueAtPercentile(99) / 1000.0, failed, usage);
	}

	private String invoke(Path script, int clients, Duration duration, Path logs)
			throws IOException, InterruptedException {
		String[] userInfo = this.database.getUserInfo().split(":", 2);
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "--no-vacuum", "--protocol=prepared",
				"--client=" + clients, "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
				"--time=" + Math.max(1, duration.toSeconds()), "--file=" + script, "--host=" + this.database.getHost(),
				"--port=" + this.database.getPort(), "--username=" + userInfo[0]));
		for (String define : this.defines) {
			command.add("--define=" + define);
		}
		if (logs != null) {
			command.addAll(List.of("--log", "--log-prefix=" + logs.resolve("tx")));
		}
		command.add(this.database.getPath().substring(1));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", userInfo.length > 1 ? userInfo[1] : "");
		builder.environment().put("PGAPPNAME", com.dealerdesk.bench.Database.APPLICATION_PREFIX + "-pgbench");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("pgbench " + script.getFileName() + " failed: "
					+ output.lines()
						.filter(line -> line.toLowerCase(java.util.Locale.ROOT).contains("error"))
						.findFirst()
						.orElse(output));
		}
		return output;
	}

	private static void deleteAll(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	/**
	 * @param perSecond transactions (one script run each) per second
	 */
	record Result(double perSecond, double medianMillis, double p99Millis, long failed, ResourceSampler.Usage usage) {
	}

}
