pub mod async_cases;
pub mod broken;
pub mod db_cases;
pub mod executor_cases;
pub mod latin1;
pub mod lifetime_cases;
pub mod unsafe_cases;
pub mod unwrap_cases;
