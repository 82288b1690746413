package dev.rustengineer.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's .proto contracts: each file relative to its import root (the folder named {@code proto}, where
 * build.rs or buf points, else the file's own folder), with its package and the unary calls of its services.
 */
record ProtoContracts(List<ProtoFile> files) {

    record ProtoFile(String projectPath, String importPath, String protoPackage, String content, List<Rpc> rpcs) {
        /** The folder of the import path: one Go package per folder. */
        String folder() {
            int slash = importPath.lastIndexOf('/');
            return slash < 0 ? "" : importPath.substring(0, slash);
        }
    }

    record Rpc(String service, String method, String request, String response, boolean streaming) {}

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z0-9_.]+)\\s*;");
    private static final Pattern SERVICE = Pattern.compile("(?s)\\bservice\\s+(\\w+)\\s*\\{(.*?)\\n\\}");
    private static final Pattern RPC = Pattern.compile("\\brpc\\s+(\\w+)\\s*\\(\\s*(stream\\s+)?([\\w.]+)\\s*\\)\\s*returns\\s*\\(\\s*(stream\\s+)?([\\w.]+)\\s*\\)");

    static ProtoContracts of(RustProject project) {
        List<ProtoFile> files = new ArrayList<>();
        for (String path : project.filesUnder(".", ".proto").stream().map(p -> p.startsWith("./") ? p.substring(2) : p).toList()) {
            String content = project.file(path).orElse("");
            int root = path.startsWith("proto/") ? "proto/".length() : path.indexOf("/proto/") >= 0 ? path.indexOf("/proto/") + 7 : path.lastIndexOf('/') + 1;
            Matcher pm = PACKAGE.matcher(content);
            List<Rpc> rpcs = new ArrayList<>();
            Matcher sm = SERVICE.matcher(content);
            while (sm.find()) {
                Matcher rm = RPC.matcher(sm.group(2));
                while (rm.find()) {
                    rpcs.add(new Rpc(sm.group(1), rm.group(1), rm.group(3), rm.group(5), rm.group(2) != null || rm.group(4) != null));
                }
            }
            files.add(new ProtoFile(path, path.substring(root), pm.find() ? pm.group(1) : "", content, rpcs));
        }
        return new ProtoContracts(files);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }
}
