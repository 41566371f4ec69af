package com.dealerdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples, while a measurement runs, the database connections the API holds (its sessions
 * in {@code pg_stat_activity}, the bench's own left out) every half second, and adds up
 * the CPU time the API, its PostgreSQL and the bench itself used.
 */
public final class ResourceSampler implements AutoCloseable {

	private static final String SESSIONS = """
			select coalesce(nullif(application_name, ''), '(unnamed)') as application, coalesce(state, '?') as state,
			       count(*) as sessions
			""" + Database.API_SESSIONS + " group by 1, 2";

	private final Connection connection;

	private final ProcessHandle api;

	private final ProcessHandle postgres;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final long startNanos = System.nanoTime();

	private final long apiCpuStart;

	private final long postgresCpuStart;

	private final long benchCpuStart;

	private int maxSessions;

	private Map<String, Integer> atMax = Map.of();

	/**
	 * @param postgres the embedded PostgreSQL's server process, or null when it runs
	 * elsewhere
	 */
	public ResourceSampler(Database database, ProcessHandle api, ProcessHandle postgres) throws SQLException {
		this.connection = database.connect("sampler");
		this.api = api;
		this.postgres = postgres;
		this.apiCpuStart = cpuNanos(api);
		this.postgresCpuStart = postgresCpuNanos();
		this.benchCpuStart = cpuNanos(ProcessHandle.current());
		this.timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
	}

	private synchronized void sample() {
		try (PreparedStatement select = this.connection.prepareStatement(SESSIONS)) {
			select.setString(1, Database.APPLICATION_PREFIX + "%");
			Map<String, Integer> sessions = new TreeMap<>();
			int total = 0;
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					int count = rows.getInt("sessions");
					sessions.merge(rows.getString("application") + " " + rows.getString("state"), count, Integer::sum);
					total += count;
				}
			}
			if (total >= this.maxSessions) {
				this.maxSessions = total;
				this.atMax = sessions;
			}
		}
		catch (SQLException ex) {
			System.err.println("could not count the API's database sessions: " + ex.getMessage());
		}
	}

	/** What was sampled since the start, as it was when the count was highest. */
	public synchronized Usage usage() {
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		return new Usage(this.maxSessions, this.atMax.toString(), share(cpuNanos(this.api) - this.apiCpuStart, seconds),
				this.postgres == null ? Double.NaN : share(postgresCpuNanos() - this.postgresCpuStart, seconds),
				share(cpuNanos(ProcessHandle.current()) - this.benchCpuStart, seconds));
	}

	private static double share(long cpuNanos, double seconds) {
		return cpuNanos / 1e9 / seconds * 100;
	}

	private static long cpuNanos(ProcessHandle process) {
		return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	/**
	 * The server process and its children (sessions, background workers); sessions that
	 * ended since the start are not counted.
	 */
	private long postgresCpuNanos() {
		if (this.postgres == null) {
			return 0;
		}
		return cpuNanos(this.postgres) + this.postgres.descendants().mapToLong(ResourceSampler::cpuNanos).sum();
	}

	@Override
	public void close() throws SQLException {
		this.timer.shutdownNow();
		synchronized (this) {
			this.connection.close();
		}
	}

	/**
	 * @param apiSessions the most database sessions the API held at one sample
	 * @param sessionsByState those sessions by application name and state
	 * @param apiCpu CPU used by the API's JVM, in % of one core
	 * @param postgresCpu CPU used by the embedded PostgreSQL (NaN for another server)
	 * @param benchCpu CPU used by the bench's JVM (subscribers and writers)
	 */
	public record Usage(int apiSessions, String sessionsByState, double apiCpu, double postgresCpu, double benchCpu) {
	}

}
