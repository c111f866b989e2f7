package io.mci.aggregator.investigation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mci.aggregator.federation.merge.SortField;
import io.mci.aggregator.investigation.api.SearchBody;
import io.mci.contract.error.ApiException;

/** Parsing of list parameters and _search bodies, as real clients send them. */
class QueryParsingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listParametersAreLenientAboutCaseSpacesAndRepetition() {
        InvestigationQuery q = QueryParsing.list(Map.of(
                "statuses", List.of("open, Investigating"),
                "priorities", List.of("LOW", "high"),
                "assignee.email", List.of(" a@b.c "),
                "tags", List.of("t1, t2,t1"),
                "sort", List.of("created_time,asc")));
        assertEquals(Set.of("OPEN", "INVESTIGATING"), q.statuses());
        assertEquals(Set.of("LOW", "HIGH"), q.priorities());
        assertEquals("a@b.c", q.assigneeEmail());
        assertEquals(Set.of("t1", "t2"), q.tags());
        assertEquals(SortField.CREATED_TIME, q.sort().field());
        assertFalse(q.sort().descending());
        assertNull(q.startTime());
    }

    @Test
    void pagingDefaultsAndLimits() {
        QueryParsing.Paging p = QueryParsing.paging(Map.of());
        assertEquals(0, p.index());
        assertEquals(20, p.size());
        assertFalse(p.multiCustomer());
        assertTrue(QueryParsing.paging(Map.of("multi-customer", List.of("True"))).multiCustomer());
        assertThrows(ApiException.class, () -> QueryParsing.paging(Map.of("size", List.of("0"))));
        assertThrows(ApiException.class, () -> QueryParsing.paging(Map.of("size", List.of("101"))));
        assertThrows(ApiException.class, () -> QueryParsing.paging(Map.of("index", List.of("-1"))));
        assertThrows(ApiException.class, () -> QueryParsing.paging(Map.of("multi-customer", List.of("yes"))));
        assertThrows(ApiException.class, () -> QueryParsing.paging(Map.of("size", List.of("5", "6"))));
    }

    @Test
    void unknownParametersAreRefusedNamingTheAcceptedOnes() {
        ApiException e = assertThrows(ApiException.class,
                () -> QueryParsing.requireKnown(Map.of("status", List.of("OPEN")), QueryParsing.LIST_PARAMETERS));
        assertEquals("UNKNOWN_PARAMETER", e.code());
        assertTrue(e.accepted().contains("statuses"));
    }

    @Test
    void searchCriteriaMapToRegionalFiltersAndIntersect() throws Exception {
        UUID org = UUID.randomUUID();
        SearchBody body = JSON.readValue("""
                {"search": [
                  {"field": "status", "operator": "IN", "value": ["OPEN", "closed"]},
                  {"field": "STATUS", "operator": "equals", "value": "open"},
                  {"field": "title", "operator": "CONTAINS", "value": " phish "},
                  {"field": "organization_id", "operator": "EQUALS", "value": "%s"},
                  {"field": "alert_mitre_t_codes", "operator": "EQUALS", "value": "t1059"}
                ],
                 "sort": [{"field": "rrn", "order": "ASC"}],
                 "start_time": "2024-01-01T00:00:00Z"}
                """.formatted(org), SearchBody.class);
        InvestigationQuery q = QueryParsing.search(body);
        assertEquals(Set.of("OPEN"), q.statuses());
        assertEquals("phish", q.titleContains());
        assertEquals(Set.of(org), q.organizationIds());
        assertEquals(Set.of("T1059"), q.mitreCodes());
        assertEquals(SortField.RRN, q.sort().field());
        assertFalse(q.matchesNothing());
    }

    @Test
    void contradictoryCriteriaMatchNothing() throws Exception {
        SearchBody body = JSON.readValue("""
                {"search": [{"field": "priority", "operator": "EQUALS", "value": "LOW"},
                            {"field": "priority", "operator": "EQUALS", "value": "HIGH"}]}
                """, SearchBody.class);
        assertTrue(QueryParsing.search(body).matchesNothing());
    }

    @Test
    void badCriteriaAreRefusedWithTheAcceptedAlternatives() throws Exception {
        for (String criterion : List.of(
                "{\"field\": \"name\", \"operator\": \"EQUALS\", \"value\": \"x\"}",
                "{\"field\": \"title\", \"operator\": \"EQUALS\", \"value\": \"x\"}",
                "{\"field\": \"status\", \"operator\": \"CONTAINS\", \"value\": \"x\"}",
                "{\"field\": \"status\", \"operator\": \"LIKE\", \"value\": \"x\"}",
                "{\"field\": \"status\", \"operator\": \"EQUALS\", \"value\": \"DONE\"}",
                "{\"field\": \"status\", \"operator\": \"IN\", \"value\": []}",
                "{\"field\": \"organization_id\", \"operator\": \"EQUALS\", \"value\": \"not-a-uuid\"}")) {
            SearchBody body = JSON.readValue("{\"search\": [" + criterion + "]}", SearchBody.class);
            ApiException e = assertThrows(ApiException.class, () -> QueryParsing.search(body), criterion);
            assertEquals(400, e.status());
        }
    }

    @Test
    void theFingerprintChangesWithFiltersSortAndScopeButNotWithOrderOfValues() {
        InvestigationQuery a = QueryParsing.list(Map.of("statuses", List.of("OPEN,CLOSED")));
        InvestigationQuery b = QueryParsing.list(Map.of("statuses", List.of("CLOSED, open")));
        InvestigationQuery c = QueryParsing.list(Map.of("statuses", List.of("OPEN")));
        InvestigationQuery d = QueryParsing.list(Map.of("statuses", List.of("OPEN,CLOSED"), "sort", List.of("rrn,ASC")));
        assertEquals(a.fingerprint("multi"), b.fingerprint("multi"));
        assertNotEquals(a.fingerprint("multi"), c.fingerprint("multi"));
        assertNotEquals(a.fingerprint("multi"), d.fingerprint("multi"));
        assertNotEquals(a.fingerprint("multi"), a.fingerprint("customer:x"));
    }
}
