package dev.rustengineer.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rustengineer.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|is empty",
        "9lives|starts with a digit",
        "My-App|upper-case",
        "fn|Rust keyword",
        "test|reserved",
        "nul|reserved file name on Windows",
        "ordérs|cargo allows only ASCII letters",
        "a b|cargo allows only ASCII letters",
        "../evil|cargo allows only ASCII letters"})
    void badProjectNamesNameTheRuleBroken(String name, String rule) {
        assertThatThrownBy(() -> new ProjectName(name)).isInstanceOf(UsageException.class).hasMessageContaining(rule);
    }

    @Test
    void goodProjectNamesAndTheirForms() {
        ProjectName n = new ProjectName("order-service_2");
        assertThat(n.crateName()).isEqualTo("order_service_2");
        assertThat(n.pascal()).isEqualTo("OrderService2");
        assertThat(n.k8sName()).isEqualTo("order-service-2");
        assertThatThrownBy(() -> new ProjectName("x".repeat(65))).hasMessageContaining("64");
    }

    @ParameterizedTest
    @CsvSource({"orders,orders,order,Order", "order,orders,order,Order", "categories,categories,category,Category",
        "boxes,boxes,box,Box", "stock_items,stock_items,stock_item,StockItem", "address,addresses,address,Address",
        "inventory,inventories,inventory,Inventory"})
    void resourceForms(String raw, String plural, String singular, String pascal) {
        assertThat(ResourceName.of(raw)).isEqualTo(new ResourceName(plural, singular, pascal));
    }

    @ParameterizedTest
    @CsvSource({"orders,Orders", "categories,Categories", "stock_item,StockItems", "address,Addresses"})
    void pluralInPascalCaseNamesListCalls(String raw, String pascalPlural) {
        assertThat(ResourceName.of(raw).pascalPlural()).isEqualTo(pascalPlural);
    }

    @Test
    void resourcesThatWouldClashAreRefused() {
        assertThatThrownBy(() -> ResourceName.of("metrics")).hasMessageContaining("clash");
        assertThatThrownBy(() -> ResourceName.of("as")).hasMessageContaining("keyword");
        assertThatThrownBy(() -> ResourceName.of("9things")).hasMessageContaining("snake_case");
    }

    @Test
    void resourceFromTheBrief() {
        assertThat(ResourceName.fromBrief("REST API for orders, p99 under 5 ms")).contains(ResourceName.of("orders"));
        assertThat(ResourceName.fromBrief("A service to manage invoices")).contains(ResourceName.of("invoices"));
        assertThat(ResourceName.fromBrief("A REST API, p99 under 5 ms")).isEmpty();
    }
}
