pub async fn n_plus_one(pool: &sqlx::PgPool, ids: &[i64]) -> Result<(), sqlx::Error> {
    for id in ids {
        sqlx::query("SELECT 1 WHERE $1 > 0").bind(id).execute(pool).await?;
    }
    let mut i = 0;
    while i < 3 {
        let _n: i64 = sqlx::query_scalar("SELECT 1").fetch_one(pool).await?;
        i += 1;
    }
    loop {
        let _ = sqlx::query!("SELECT 1 AS one").fetch_one(pool).await?;
        break;
    }
    Ok(())
}

pub async fn batched(pool: &sqlx::PgPool, ids: &[i64]) -> Result<(), sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM t WHERE id = ANY($1)").bind(ids).fetch_all(pool).await?;
    for row in rows {
        let _ = row;
    }
    Ok(())
}
