use axum::{
    Json, Router,
    extract::{Path, State},
    http::StatusCode,
    routing::get,
};
use serde::Serialize;
use sqlx::SqlitePool;

#[derive(Serialize, sqlx::FromRow)]
struct Item {
    id: i64,
    name: String,
    description: Option<String>,
    quantity: i64,
    created_at: String,
    updated_at: String,
}

async fn live() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

async fn item(State(pool): State<SqlitePool>, Path(id): Path<i64>) -> Result<Json<Item>, StatusCode> {
    sqlx::query_as::<_, Item>(
        "SELECT id, name, description, quantity, created_at, updated_at FROM items WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&pool)
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
    .map(Json)
    .ok_or(StatusCode::NOT_FOUND)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL")?;
    let addr = std::env::var("BIND_ADDR").unwrap_or_else(|_| "127.0.0.1:3001".to_owned());
    let pool = SqlitePool::connect(&url).await?;
    let app = Router::new()
        .route("/health/live", get(live))
        .route("/items/{id}", get(item))
        .with_state(pool);
    axum::serve(tokio::net::TcpListener::bind(addr).await?, app).await?;
    Ok(())
}
