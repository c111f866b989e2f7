package io.mci.aggregator.investigation.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.mci.aggregator.federation.client.RegionalWire;
import io.mci.aggregator.federation.merge.SortOrder;

/**
 * A list or _search query after parsing: filters in the regional vocabulary, the organization filter, the
 * explicit created-time window (null parts mean the defaults) and the sort. Set-valued filters are ANDed
 * (several criteria on one field intersect); a null set means "no filter". When an intersection is empty the
 * query can match nothing ({@link #matchesNothing()}) and no region is asked.
 */
public record InvestigationQuery(
        Set<String> statuses,
        Set<String> priorities,
        Set<String> sources,
        String assigneeEmail,
        Set<String> assigneeIds,
        Set<String> tags,
        Instant startTime,
        Instant endTime,
        String titleContains,
        String hostnameContains,
        String userNameContains,
        Set<String> rrns,
        Set<String> alertRuleRrns,
        Set<String> mitreCodes,
        Set<UUID> organizationIds,
        SortOrder sort,
        boolean matchesNothing) {

    /** The regional query without customers, paging or sort, for the created-time window given. */
    public RegionalWire.QueryRequest template(Instant from, Instant to) {
        return new RegionalWire.QueryRequest(List.of(), list(statuses), list(priorities), list(sources), null,
                assigneeEmail, list(assigneeIds), list(tags), from, to, titleContains, list(rrns), list(alertRuleRrns),
                list(mitreCodes), hostnameContains, userNameContains, null, null, null, null, null);
    }

    /**
     * A short hash of everything that decides which items the query matches and in which order, plus the
     * scope: a cursor is valid only for the query it came from.
     */
    public String fingerprint(String scopeKey) {
        StringBuilder canonical = new StringBuilder("v1");
        append(canonical, "scope", scopeKey);
        append(canonical, "statuses", sorted(statuses));
        append(canonical, "priorities", sorted(priorities));
        append(canonical, "sources", sorted(sources));
        append(canonical, "assignee_email", assigneeEmail);
        append(canonical, "assignee_ids", sorted(assigneeIds));
        append(canonical, "tags", sorted(tags));
        append(canonical, "start", startTime);
        append(canonical, "end", endTime);
        append(canonical, "title", titleContains);
        append(canonical, "host", hostnameContains);
        append(canonical, "user", userNameContains);
        append(canonical, "rrns", sorted(rrns));
        append(canonical, "rules", sorted(alertRuleRrns));
        append(canonical, "mitre", sorted(mitreCodes));
        append(canonical, "orgs", organizationIds == null ? null : new TreeSet<>(organizationIds).toString());
        append(canonical, "sort", sort.field().wire() + "," + sort.direction());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder b, String name, Object value) {
        b.append('|').append(name).append('=').append(value == null ? "\u0000" : value.toString().replace("|", "||"));
    }

    private static String sorted(Set<?> values) {
        return values == null ? null : new TreeSet<>(values.stream().map(String::valueOf).toList()).toString();
    }

    private static List<String> list(Set<String> values) {
        return values == null || values.isEmpty() ? null : new ArrayList<>(values);
    }

    /** Collects criteria; several on one set-valued field intersect. */
    public static final class Builder {
        private Set<String> statuses;
        private Set<String> priorities;
        private Set<String> sources;
        private String assigneeEmail;
        private Set<String> assigneeIds;
        private Set<String> tags;
        private Instant startTime;
        private Instant endTime;
        private String titleContains;
        private String hostnameContains;
        private String userNameContains;
        private Set<String> rrns;
        private Set<String> alertRuleRrns;
        private Set<String> mitreCodes;
        private Set<UUID> organizationIds;
        private SortOrder sort = SortOrder.DEFAULT;
        private boolean nothing;

        public Builder statuses(Collection<String> v) {
            statuses = and(statuses, v);
            return this;
        }

        public Builder priorities(Collection<String> v) {
            priorities = and(priorities, v);
            return this;
        }

        public Builder sources(Collection<String> v) {
            sources = and(sources, v);
            return this;
        }

        public Builder assigneeEmail(String v) {
            assigneeEmail = v;
            return this;
        }

        public Builder assigneeIds(Collection<String> v) {
            assigneeIds = and(assigneeIds, v);
            return this;
        }

        /** Tags are "must have all": more tags add up instead of intersecting. */
        public Builder tags(Collection<String> v) {
            if (tags == null) {
                tags = new LinkedHashSet<>();
            }
            tags.addAll(v);
            return this;
        }

        public Builder window(Instant start, Instant end) {
            startTime = start;
            endTime = end;
            return this;
        }

        public Builder titleContains(String v) {
            titleContains = v;
            return this;
        }

        public Builder hostnameContains(String v) {
            hostnameContains = v;
            return this;
        }

        public Builder userNameContains(String v) {
            userNameContains = v;
            return this;
        }

        public Builder rrns(Collection<String> v) {
            rrns = and(rrns, v);
            return this;
        }

        public Builder alertRuleRrns(Collection<String> v) {
            alertRuleRrns = and(alertRuleRrns, v);
            return this;
        }

        public Builder mitreCodes(Collection<String> v) {
            mitreCodes = and(mitreCodes, v);
            return this;
        }

        public Builder organizationIds(Collection<UUID> v) {
            organizationIds = and(organizationIds, v);
            return this;
        }

        public Builder sort(SortOrder v) {
            sort = v;
            return this;
        }

        private <E> Set<E> and(Set<E> current, Collection<E> more) {
            Set<E> next = new LinkedHashSet<>(more);
            if (current != null) {
                next.retainAll(current);
            }
            if (next.isEmpty()) {
                nothing = true;
            }
            return next;
        }

        public InvestigationQuery build() {
            return new InvestigationQuery(statuses, priorities, sources, assigneeEmail, assigneeIds, tags, startTime,
                    endTime, titleContains, hostnameContains, userNameContains, rrns, alertRuleRrns, mitreCodes,
                    organizationIds, sort, nothing);
        }
    }
}
