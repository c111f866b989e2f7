package io.mci.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * After every other scenario has run: each investigation, alert, comment and audit row of a customer is in its
 * home region's database and nowhere else, and the aggregator wrote no file and logged no customer content.
 * Runs last: its final test stops the aggregator to read the aggregator's own recording of file writes.
 */
@Order(99)
@ExtendWith(WholeSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SovereigntyIT {

    /** The regional tables that hold customer data; each row names its customer in organization_id. */
    private static final List<String> REGIONAL_TABLES = List.of("investigation", "alert", "comment", "audit_event");

    @Test
    @Order(1)
    void everyRowOfACustomerIsInItsHomeRegionOnly() {
        Map<UUID, String> homes = Truth.homes();
        Map<String, Long> rowsPerRegionAndTable = new TreeMap<>();
        List<String> misplaced = new ArrayList<>();
        for (String region : WholeSystem.system().regions()) {
            for (String table : REGIONAL_TABLES) {
                Truth.query(region, "SELECT organization_id, count(*) FROM " + table + " GROUP BY 1", List.of(), rs -> {
                    UUID customer = (UUID) rs.getObject(1);
                    rowsPerRegionAndTable.merge(region + "." + table, rs.getLong(2), Long::sum);
                    if (!region.equals(homes.get(customer))) {
                        misplaced.add(rs.getLong(2) + " rows of " + table + " for customer " + customer + " (home "
                                + homes.get(customer) + ") in " + region);
                    }
                });
            }
        }
        assertEquals(List.of(), misplaced);
        for (String region : WholeSystem.system().regions()) {
            for (String table : REGIONAL_TABLES) {
                assertTrue(rowsPerRegionAndTable.getOrDefault(region + "." + table, 0L) > 0,
                        region + "." + table + " is empty: the check would prove nothing " + rowsPerRegionAndTable);
            }
        }
    }

    @Test
    @Order(2)
    void theEntitlementDatabaseHoldsNoInvestigationData() {
        Set<String> tables = new HashSet<>();
        Set<String> columns = new HashSet<>();
        Truth.query("entitlement", "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
                List.of(), rs -> {
                    tables.add(rs.getString(1));
                    columns.add(rs.getString(2));
                });
        assertTrue(tables.contains("customer"), "not the entitlement schema: " + tables);
        for (String table : List.of("investigation", "alert", "comment")) {
            assertTrue(!tables.contains(table), "the entitlement database has a table " + table);
        }
        for (String column : List.of("title", "body", "disposition", "assignee_email", "investigation_rrn")) {
            assertTrue(!columns.contains(column), "the entitlement database has a column " + column);
        }
    }

    @Test
    @Order(3)
    void theAggregatorLoggedNoCustomerContent() throws IOException {
        String log = Files.readString(WholeSystem.system().log("aggregator"));
        assertTrue(log.contains("started in"), "not the aggregator's log: " + log.length() + " chars");
        List<String> leaked = new ArrayList<>();
        // Titles and comment bodies that the scenarios wrote, customer names, and the demo's generated titles.
        List<String> content = new ArrayList<>(List.of("Suspicious OAuth consent", "Contained on host-17",
                "Beaconing to rare domain", "Isolated the host before the outage", "phishing"));
        WholeSystem.demo().customers().forEach(c -> content.add(c.name()));
        Truth.query("eu", "SELECT title FROM investigation ORDER BY id LIMIT 20", List.of(), rs -> content.add(rs.getString(1)));
        for (String text : content) {
            if (log.toLowerCase().contains(text.toLowerCase())) {
                leaked.add(text);
            }
        }
        assertEquals(List.of(), leaked, "customer content in the aggregator's log");
    }

    @Test
    @Order(4)
    void theAggregatorWroteNoFile() throws IOException {
        Path work = WholeSystem.system().workDir("aggregator");
        WholeSystem.system().stopAggregator(); // SIGTERM: the JVM dumps its JFR recording of file writes on exit
        Path recording = WholeSystem.aggregatorRecording();
        assertTrue(Files.size(recording) > 0, "no recording at " + recording);

        List<String> writes = new ArrayList<>();
        int events = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().startsWith("jdk.File")) {
                continue;
            }
            events++;
            String path = event.hasField("path") ? event.getString("path") : null;
            if (path != null) { // no path: stdout / stderr, the console log the launcher collects
                writes.add(event.getEventType().getName() + " " + path + " at " + frames(event));
            }
        }
        assertTrue(events > 0, "the recording saw no console write either: is it recording file writes at all?");
        assertEquals(List.of(), writes, "the aggregator wrote to files");
        assertEquals(List.of(), filesUnder(work), "files in the aggregator's working directory");
        assertEquals(List.of(), filesUnder(WholeSystem.aggregatorTmp()), "files in the aggregator's java.io.tmpdir");
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    private static String frames(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "?";
        }
        return event.getStackTrace().getFrames().stream().limit(8).map(RecordedFrame::getMethod)
                .map(m -> m.getType().getName() + "." + m.getName()).toList().toString();
    }
}
