package com.dealerdesk.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The bench's own JDBC connections to the API's database. Each is named
 * {@code dealerdesk-bench-…} in {@code pg_stat_activity}, so that the API's connections
 * can be counted apart from them.
 */
public final class Database {

	public static final String APPLICATION_PREFIX = "dealerdesk-bench";

	/**
	 * The API's sessions in {@code pg_stat_activity}: client backends of this database
	 * but the bench's own; the parameter is {@link #APPLICATION_PREFIX} and {@code %}.
	 */
	static final String API_SESSIONS = """
			from pg_stat_activity
			where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
			  and application_name not like ?""";

	private final String jdbcUrl;

	private final Properties credentials = new Properties();

	public Database(String databaseUrl) {
		URI uri = URI.create(databaseUrl);
		String[] userInfo = uri.getUserInfo().split(":", 2);
		this.jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
		this.credentials.setProperty("user", userInfo[0]);
		this.credentials.setProperty("password", userInfo.length > 1 ? userInfo[1] : "");
	}

	public Connection connect(String role) throws SQLException {
		Properties properties = new Properties();
		properties.putAll(this.credentials);
		properties.setProperty("ApplicationName", APPLICATION_PREFIX + "-" + role);
		return DriverManager.getConnection(this.jdbcUrl, properties);
	}

	/** Ids of the first customers by id: the rows the write benchmark updates. */
	List<UUID> customerIds(int count) throws SQLException {
		try (Connection connection = connect("setup");
				PreparedStatement select = connection.prepareStatement("select id from customer order by id limit ?")) {
			select.setInt(1, count);
			List<UUID> ids = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getObject(1, UUID.class));
				}
			}
			return ids;
		}
	}

	/**
	 * The API's sessions running a statement now (the bench's own and the event relay's
	 * waiting {@code LISTEN} left out).
	 */
	public int activeApiSessions() throws SQLException {
		try (Connection connection = connect("setup");
				PreparedStatement count = connection
					.prepareStatement("select count(*) " + API_SESSIONS + " and state = 'active'")) {
			count.setString(1, APPLICATION_PREFIX + "%");
			try (ResultSet row = count.executeQuery()) {
				row.next();
				return row.getInt(1);
			}
		}
	}

	public String setting(String name) throws SQLException {
		try (Connection connection = connect("setup");
				PreparedStatement show = connection.prepareStatement("select current_setting(?)")) {
			show.setString(1, name);
			try (ResultSet row = show.executeQuery()) {
				row.next();
				return row.getString(1);
			}
		}
	}

}
