package io.mci.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.WireEnum;
import io.mci.contract.time.JsonTimestamps;
import io.mci.contract.time.Timestamps;
import io.mci.contract.web.Params;

class WireParsingTest {

    @Test
    void parsesCommaListsCaseInsensitivelyWithSpaces() {
        Set<Priority> parsed = WireEnum.parseList(Priority.class, "priority", "LOW, medium ,High,,");
        assertEquals(EnumSet.of(Priority.LOW, Priority.MEDIUM, Priority.HIGH), parsed);
        assertTrue(WireEnum.parseList(Priority.class, "priority", "  ").isEmpty());
    }

    @Test
    void unknownEnumValueIs400NamingAcceptedValues() {
        ApiException e = assertThrows(ApiException.class, () -> InvestigationStatus.parse("DONE"));
        assertEquals(400, e.status());
        assertEquals(List.of("OPEN", "INVESTIGATING", "WAITING", "CLOSED"), e.accepted());
        assertTrue(e.getMessage().contains("DONE"));
    }

    @Test
    void priorityRankOrdersCriticalHighest() {
        assertTrue(Priority.CRITICAL.rank() > Priority.HIGH.rank());
        assertTrue(Priority.LOW.rank() > Priority.UNSPECIFIED.rank());
        assertEquals(Priority.MEDIUM, Priority.ofRank(Priority.MEDIUM.rank()));
    }

    @Test
    void timestampsAcceptSecondsAndMillisAndWriteMillis() {
        Instant seconds = Timestamps.parse("start_time", "2024-01-09T09:20:06Z");
        Instant millis = Timestamps.parse("start_time", "2024-01-09T09:20:06.714Z");
        assertEquals("2024-01-09T09:20:06.000Z", Timestamps.format(seconds));
        assertEquals("2024-01-09T09:20:06.714Z", Timestamps.format(millis));
        assertEquals(Instant.parse("2024-01-09T08:20:06Z"), Timestamps.parse("t", "2024-01-09T09:20:06+01:00"));
        assertNull(Timestamps.parse("t", null));
        ApiException e = assertThrows(ApiException.class, () -> Timestamps.parse("end_time", "yesterday"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("end_time"));
    }

    record Holder(Instant at) {
    }

    @Test
    void jsonInstantsAreMillisecondIsoAndMalformedOnesAreInvalidFormat() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(JsonTimestamps.module());
        assertEquals("{\"at\":\"2024-01-09T09:20:06.000Z\"}",
                mapper.writeValueAsString(new Holder(Instant.parse("2024-01-09T09:20:06Z"))));
        assertEquals(Instant.parse("2024-01-09T09:20:06.714Z"),
                mapper.readValue("{\"at\":\"2024-01-09T09:20:06.714Z\"}", Holder.class).at());
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"at\":\"soon\"}", Holder.class));
    }

    @Test
    void paramsParseBooleansIntegersAndRefuseUnknownNames() {
        assertTrue(Params.bool("multi-customer", "True", false));
        assertFalse(Params.bool("multi-customer", null, false));
        assertThrows(ApiException.class, () -> Params.bool("multi-customer", "yes", false));
        assertEquals(20, Params.integer("size", null, 20, 1, 100));
        assertThrows(ApiException.class, () -> Params.integer("size", "101", 20, 1, 100));
        assertThrows(ApiException.class, () -> Params.integer("size", "x", 20, 1, 100));
        assertEquals(List.of("a", "b"), Params.list(" a, b ,a,"));
        ApiException e = assertThrows(ApiException.class,
                () -> Params.requireKnown(List.of("size", "status"), List.of("statuses", "size", "index")));
        assertEquals(List.of("index", "size", "statuses"), e.accepted());
        assertTrue(e.getMessage().contains("'status'"));
    }
}
