package dev.rustengineer.audit.rule;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryInLoopRuleTest {
    @TempDir
    Path dir;

    @Test
    void sqlxQueriesAndExecutorsInLoopsFireButSpawnedTasksAndFixedListsDoNot() {
        new RuleFixture(dir).file("src/lib.rs", """
                use sqlx::{PgPool, PgConnection, QueryBuilder, Postgres};
                pub async fn each(pool: &PgPool, conn: &mut PgConnection, ids: &[i64]) -> sqlx::Result<()> {
                    for id in ids {
                        sqlx::query("SELECT 1 WHERE $1 > 0").bind(id).execute(pool).await?; // fires
                        let q = sqlx::query_scalar::<_, i64>("SELECT 1");
                        let n = q.fetch_one(pool).await?; // fires
                        sqlx::query!("SELECT 1 AS one").fetch_one(pool).await?; // fires
                        conn.execute("SELECT 1").await?; // fires
                        let mut b: QueryBuilder<Postgres> = QueryBuilder::new("SELECT 1");
                        b.build().execute(pool).await?; // fires
                        let pool = pool.clone();
                        tokio::spawn(async move { sqlx::query("SELECT 2").execute(&pool).await });
                    }
                    for stmt in ["SET a = 1", "SET b = 2"] {
                        sqlx::query(stmt).execute(pool).await?;
                    }
                    for ddl in DDL {
                        conn.execute(*ddl).await?;
                    }
                    let mut tx = pool.begin().await?;
                    for id in ids {
                        tx.execute("DELETE FROM t").await?; // fires
                    }
                    sqlx::query("SELECT * FROM t WHERE id = ANY($1)").bind(ids).fetch_all(pool).await?;
                    Ok(())
                }
                """).firesOnMarkedLines("query-in-loop");
    }

    @Test
    void dieselNeedsRunQueryDslInScopeAndRepositoryMethodsNeedADatabaseHandle() {
        new RuleFixture(dir)
                .file("src/lib.rs", """
                        pub mod repo;
                        use std::sync::atomic::{AtomicUsize, Ordering};
                        pub fn atomics(counters: &[AtomicUsize]) {
                            for c in counters {
                                let v = c.load(Ordering::SeqCst);
                                let first = counters.first();
                            }
                        }
                        """)
                .file("src/repo.rs", """
                        use diesel::prelude::*;
                        pub async fn in_a_transaction(conn: &mut AsyncPgConnection, domains: Vec<String>) {
                            conn.build_transaction().run(|conn| Box::pin(async move {
                                for domain in domains {
                                    Instance::read_or_create(conn, domain).await?; // fires
                                }
                                Ok(())
                            }));
                        }
                        pub async fn each(context: &Context, pool: &mut DbPool<'_>, ids: &[i32]) {
                            for id in ids {
                                let p = posts.filter(post_id.eq(id))
                                    .first::<Post>(conn); // fires
                                let person = Person::read(&mut context.pool(), *id).await; // fires
                                let c = Comment::read(pool, *id).await; // fires
                                let conn = &mut get_conn(pool).await;
                                let n = ids.iter().filter(|x| **x > 0).count();
                            }
                        }
                        """)
                .firesOnMarkedLines("query-in-loop");
    }

    @Test
    void itemsWalkedByForOrNextFireButPollingPagingAndRetryLoopsDoNot() {
        new RuleFixture(dir).file("src/lib.rs", """
                use futures::TryStreamExt;
                use sqlx::PgPool;
                pub async fn run(pool: &PgPool, mut ids: std::vec::IntoIter<i64>) -> sqlx::Result<()> {
                    while let Some(id) = ids.next() {
                        sqlx::query("DELETE FROM t WHERE id = $1").bind(id).execute(pool).await?; // fires
                    }
                    let mut rows = sqlx::query_as::<_, (i64,)>("SELECT id FROM t").fetch(pool);
                    while let Some((id,)) = rows.try_next().await? {
                        sqlx::query("UPDATE u SET seen = true WHERE t_id = $1").bind(id).execute(pool).await?; // fires
                    }
                    loop {
                        let jobs = sqlx::query_as::<_, (i64,)>("SELECT id FROM jobs LIMIT 10").fetch_all(pool).await?;
                        if jobs.is_empty() {
                            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                            continue;
                        }
                        for (id,) in jobs {
                            sqlx::query("UPDATE jobs SET done = true WHERE id = $1").bind(id).execute(pool).await?; // fires
                        }
                    }
                }
                pub async fn pages(pool: &PgPool) -> sqlx::Result<()> {
                    let mut after = 0_i64;
                    while after >= 0 {
                        let page = sqlx::query_as::<_, (i64,)>("SELECT id FROM t WHERE id > $1 LIMIT 1000").bind(after).fetch_all(pool).await?;
                        after = page.last().map_or(-1, |r| r.0);
                    }
                    Ok(())
                }
                """).firesOnMarkedLines("query-in-loop");
    }

    @Test
    void boundChainsWrittenSqlAndRepositoriesAreQueriesButAScriptOfStatementsAndSpawnedFuturesAreNot() {
        new RuleFixture(dir).file("src/lib.rs", """
                use crate::db::query;
                pub async fn upload(tx: &mut Tx, items: Vec<Item>, conn: &rusqlite::Connection, state: &State) -> Result<(), E> {
                    for i in &items {
                        query("INSERT INTO h VALUES ($1)").bind(i.id).execute(&mut *tx).await?; // fires
                        conn.execute("INSERT INTO pasta (id) VALUES (?1)", [i.id])?; // fires
                        let aliases = state.repo.aliases_for_hash(i.hash.clone()).await?; // fires
                        let len = i.name.len();
                        let cached = state.cache.get(&i.id);
                        tokio::task::spawn(keep_alive(i.id, state.pool.clone()));
                    }
                    for ddl in setup_statements(&name) {
                        sqlx::query(&ddl).execute(&mut *tx).await?;
                    }
                    for alias in aliases_of(&name) {
                        if let Some(token) = state.repo.delete_token(&alias).await? { // fires
                            drop(token);
                        }
                    }
                    Ok(())
                }
                """).firesOnMarkedLines("query-in-loop");
    }

    @Test
    void batchesCommandLogsAndMigrationsAreNotQueriesPerItem() {
        new RuleFixture(dir).file("src/store.rs", """
                use sqlx::PgPool;
                pub enum Update { Push(i64), Remove(i64), Clear }
                pub async fn apply(pool: &PgPool, updates: Vec<Update>, ids: Vec<i64>) -> Result<(), sqlx::Error> {
                    for update in updates {
                        match update {
                            Update::Push(id) => { sqlx::query("INSERT INTO t VALUES ($1)").bind(id).execute(pool).await?; }
                            Update::Remove(id) => { sqlx::query("DELETE FROM t WHERE id = $1").bind(id).execute(pool).await?; }
                            Update::Clear => { sqlx::query("DELETE FROM t").execute(pool).await?; }
                        }
                    }
                    for chunk in ids.chunks(500) {
                        sqlx::query("INSERT INTO t SELECT * FROM UNNEST($1)").bind(chunk).execute(pool).await?;
                    }
                    for id in &ids {
                        match id {
                            0 => {}
                            _ => { sqlx::query("DELETE FROM t WHERE id = $1").bind(id).execute(pool).await?; } // fires
                        }
                    }
                    Ok(())
                }
                """).file("src/repo/sqlite_migration.rs", """
                pub async fn rebuild(pool: &sqlx::SqlitePool, rows: Vec<i64>) -> Result<(), sqlx::Error> {
                    for row in rows {
                        sqlx::query("UPDATE tag SET v = 1 WHERE id = ?").bind(row).execute(pool).await?;
                    }
                    Ok(())
                }
                """).firesOnMarkedLines("query-in-loop");
    }

    @Test
    void preparedStatementsRunInALoopAreQueriesPerItem() {
        new RuleFixture(dir).file("src/db.rs", """
                pub fn mark(tx: &rusqlite::Transaction, jobs: &[i64], users: &[String]) -> rusqlite::Result<()> {
                    let mut set_running = tx.prepare_cached("UPDATE jobs SET running = 1 WHERE id = ?")?;
                    for job in jobs {
                        set_running.execute([job])?; // fires
                    }
                    for user in users {
                        tx.prepare_cached("DELETE FROM profiles WHERE user_id = ?")?.execute([user])?; // fires
                    }
                    let names = vec![1, 2];
                    for n in names.iter() {
                        let counter = n + 1;
                        let _ = counter.checked_add(1);
                    }
                    Ok(())
                }
                """).firesOnMarkedLines("query-in-loop");
    }

    @Test
    void aParameterTypedByADatabaseTraitIsADatabaseHandle() {
        new RuleFixture(dir).file("src/discovery.rs", """
                use crate::connection::Connection;
                pub struct Discovery;
                impl Discovery {
                    pub async fn discover_with<C: Connection>(&self, conn: &C, tables: Vec<String>) -> Vec<u8> {
                        let mut out = Vec::new();
                        for table in tables {
                            out.push(self.discover_table_with(conn, table).await); // fires
                        }
                        out
                    }
                    async fn discover_table_with<C: Connection>(&self, _conn: &C, _t: String) -> u8 { 0 }
                    pub async fn indexes(&self, conn: &impl Connection, names: &[String]) {
                        for name in names {
                            self.index_info(conn, name).await; // fires
                        }
                    }
                    async fn index_info(&self, _conn: &impl Connection, _n: &str) {}
                    pub fn spawn_all<E: std::future::Future>(&self, ex: &E, jobs: &[u8]) {
                        for job in jobs {
                            run(ex, *job);
                        }
                    }
                }
                fn run<E>(_ex: &E, _job: u8) {}
                """).firesOnMarkedLines("query-in-loop");
    }

    @Test
    void schemaStatementsAndMigrationRoutinesAreSetupButAWorkQueueAndAnOpenedTransactionAreNot() {
        new RuleFixture(dir).file("src/store.rs", """
                use rusqlite::Connection;
                use sqlx::PgPool;
                pub async fn create_indexes(pool: &PgPool, columns: &[String]) -> sqlx::Result<()> {
                    for col in columns {
                        let sql = format!("CREATE INDEX IF NOT EXISTS t_{col}_index ON t ({col})");
                        pool.execute(&sql).await?;
                        pool.execute("ALTER TABLE t ADD COLUMN x INT").await?;
                        pool.execute("UPDATE t SET x = 1").await?; // fires
                    }
                    Ok(())
                }
                pub fn run_migrations(conn: &mut Connection, rows: Vec<Vec<u8>>) -> rusqlite::Result<()> {
                    for data in rows {
                        conn.execute("INSERT INTO new_t (data) VALUES (?)", [data])?;
                    }
                    Ok(())
                }
                pub fn recover(conn: &mut Connection, ids: Vec<i64>) -> rusqlite::Result<()> {
                    let tx = conn.transaction()?;
                    for id in ids {
                        retry(&tx, id)?; // fires
                    }
                    tx.commit()
                }
                pub async fn walk(pool: &PgPool, start: i64) -> sqlx::Result<()> {
                    let mut todo = std::collections::VecDeque::from([start]);
                    while let Some(id) = todo.pop_front() {
                        let next: Vec<i64> = sqlx::query_scalar("SELECT child FROM edges WHERE parent = $1") // fires
                            .bind(id).fetch_all(pool).await?;
                        todo.extend(next);
                    }
                    Ok(())
                }
                """).firesOnMarkedLines("query-in-loop");
    }

    @Test
    void aFileOrCrateFnThatRunsAQueryIsOneButAStoreOfCallbacksIsReadByItsBody() {
        new RuleFixture(dir)
                .file("src/lib.rs", """
                        pub mod room;
                        pub mod events;
                        pub mod sync;
                        pub mod bulk;
                        """)
                .file("src/room/mod.rs", """
                        pub mod timeline;
                        mod state;
                        pub use state::*;
                        """)
                .file("src/room/timeline.rs", """
                        use diesel::prelude::*;
                        pub fn get_pdu(id: &str) -> AppResult<Pdu> {
                            events::table.filter(events::id.eq(id)).first::<Pdu>(&mut connect()?)
                        }
                        pub fn pdu_count(ids: &[String]) -> usize {
                            ids.len()
                        }
                        """)
                .file("src/room/state.rs", """
                        use diesel::prelude::*;
                        pub fn ensure_field_id(ty: &str) -> AppResult<i64> {
                            diesel::insert_into(fields::table).values(fields::ty.eq(ty)).returning(fields::id).get_result::<i64>(&mut connect()?)
                        }
                        """)
                .file("src/sync.rs", """
                        pub fn left_rooms(ids: &[String]) -> AppResult<()> {
                            for id in ids {
                                let pdu = crate::room::timeline::get_pdu(id)?; // fires
                                let field = crate::room::ensure_field_id(&pdu.ty)?; // fires
                                let n = crate::room::timeline::pdu_count(ids);
                            }
                            Ok(())
                        }
                        """)
                .file("src/bulk.rs", """
                        use rusqlite::Transaction;
                        fn write_event(tx: &Transaction, e: &Event) -> rusqlite::Result<usize> {
                            tx.execute("INSERT INTO event (id) VALUES (?)", [&e.id])
                        }
                        pub fn load(tx: &Transaction, events: &[Event]) {
                            for e in events {
                                write_event(tx, e).ok(); // fires
                            }
                        }
                        """)
                .file("src/events.rs", """
                        pub struct EventStore { handlers: Vec<Handler> }
                        impl EventStore {
                            pub async fn process_timed(&mut self, now: u64) {
                                for h in &mut self.handlers { h.fire(now).await; }
                            }
                        }
                        pub async fn tick(stores: &mut [EventStore], now: u64) {
                            for event_store in stores.iter_mut() {
                                event_store.process_timed(now).await;
                            }
                        }
                        """)
                .firesOnMarkedLines("query-in-loop");
    }
}
