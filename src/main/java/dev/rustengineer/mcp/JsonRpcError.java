package dev.rustengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A JSON-RPC 2.0 error reply the transport sends itself, before the SDK sees the line. */
record JsonRpcError(JsonNode id, int code, String message) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonRpcError of(JsonNode id, int code, String message) {
        return new JsonRpcError(id, code, message);
    }

    String json() {
        ObjectNode o = JSON.createObjectNode();
        o.put("jsonrpc", "2.0");
        o.set("id", id == null ? JSON.nullNode() : id);
        o.putObject("error").put("code", code).put("message", message);
        return o.toString();
    }
}
