//! A scripted editor: starts the real `placard lsp`, speaks JSON-RPC to it over its stdin and
//! stdout as an editor does (Content-Length framing), and waits for what it publishes. Shared
//! by the tests (`tests/lsp`) and the latency benchmark (`benches/lsp.rs`).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications read while waiting for something else.
    queued: VecDeque<Value>,
    next_id: i64,
    root: PathBuf,
}

/// `path` (absolute) as a file URI, escaped as editors escape it.
pub fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for part in path.components().skip(1) {
        out.push('/');
        for b in part.as_os_str().to_string_lossy().bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

impl Client {
    /// `placard lsp`, started in `root` (the project) and initialised with it as the workspace.
    pub fn start(binary: &Path, root: &Path) -> Client {
        let mut child = Command::new(binary)
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("placard lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if send.send(message).is_err() {
                    break;
                }
            }
        });
        let mut client = Client { child, stdin, incoming, queued: VecDeque::new(), next_id: 1, root: root.to_owned() };
        let root_uri = uri(root);
        let capabilities = json!({
            "textDocument": {
                "publishDiagnostics": { "relatedInformation": true, "versionSupport": true },
                "hover": { "contentFormat": ["markdown", "plaintext"] },
                "codeAction": { "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["quickfix"] } } }
            }
        });
        let result = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": root_uri, "capabilities": capabilities,
                    "workspaceFolders": [{ "uri": root_uri, "name": "campaign" }] }),
        );
        assert!(result["capabilities"]["hoverProvider"].as_bool().unwrap_or(false), "{result}");
        client.notify("initialized", json!({}));
        client
    }

    pub fn uri(&self, rel: &str) -> String {
        uri(&self.root.join(rel))
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.write(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response (notifications that come first are kept).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.write(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let message = self.next(deadline).unwrap_or_else(|| panic!("no response to {method}"));
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                assert!(message.get("error").is_none(), "{method} failed: {message}");
                return message["result"].clone();
            }
            self.queued.push_back(message);
        }
    }

    pub fn open(&mut self, rel: &str, version: i64) -> String {
        let text = std::fs::read_to_string(self.root.join(rel)).expect("the file");
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "fluent", "version": version, "text": text } }),
        );
        text
    }

    /// Sends the whole new text of `rel` (full sync), as an editor does on every keystroke.
    pub fn change(&mut self, rel: &str, version: i64, text: &str) {
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    /// Waits for diagnostics published for `rel` that satisfy `wanted`, and says how long it
    /// took; earlier publications for the file that do not are passed over.
    pub fn diagnostics_until(&mut self, rel: &str, wanted: impl Fn(&[Value]) -> bool) -> (Vec<Value>, Duration) {
        let started = Instant::now();
        let uri = self.uri(rel);
        let deadline = started + Duration::from_secs(60);
        let mut last = None;
        loop {
            let message = if let Some(queued) = self.queued.pop_front() {
                queued
            } else {
                match self.next(deadline) {
                    Some(message) => message,
                    None => panic!("no wanted diagnostics for {rel} within 60 s; last: {last:?}"),
                }
            };
            if message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri.as_str() {
                let found = message["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
                if wanted(&found) {
                    return (found, started.elapsed());
                }
                last = Some(found);
            }
        }
    }

    /// Shuts the server down as an editor does, and says how it exited.
    pub fn shut_down(mut self) -> std::process::ExitStatus {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.child.wait().expect("placard lsp exits")
    }

    fn next(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        self.incoming.recv_timeout(left).ok()
    }

    fn write(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).expect("JSON");
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).expect("write");
        self.stdin.write_all(&body).expect("write");
        self.stdin.flush().expect("flush");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// Whether `diagnostics` hold one with `code`.
pub fn has_code(diagnostics: &[Value], code: &str) -> bool {
    diagnostics.iter().any(|d| d["code"] == code)
}
